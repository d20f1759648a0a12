module example.com/fixleft

go 1.26.0
