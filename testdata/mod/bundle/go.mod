module example.com/bundle

go 1.26.0
