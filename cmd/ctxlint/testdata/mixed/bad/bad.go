package bad

func f() {
	return 1
}
