module example.com/badgomod

go 1.26.0

require example.com/gone v1.0.0 garbage
