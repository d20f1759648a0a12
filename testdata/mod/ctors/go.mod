module example.com/ctors

go 1.26.0
