module example.com/xpkgoff

go 1.26.0
