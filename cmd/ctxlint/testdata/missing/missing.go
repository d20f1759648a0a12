package missing

import "example.com/nothere/pkg"

var _ = pkg.X
