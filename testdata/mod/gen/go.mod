module example.com/gen

go 1.26.0
