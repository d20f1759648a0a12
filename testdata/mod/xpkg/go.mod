module example.com/xpkg

go 1.26.0
