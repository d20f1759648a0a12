// Command bench times ctxlint against go vet on the packages of a Go
// module, in one run, and prints each one's median wall time, CPU time
// and peak memory, and the ratios.
//
//	go run ./bench [-runs 5] [-gcl custom-gcl] [-vettool] [-compare BIN] [-skip-vet] DIR [PATTERN ...]
//
// It builds ctxlint and a no-op analyzer (the same driver doing nothing:
// the cost of loading alone, the floor), warms the module and build caches
// with one run of each command, then runs the commands in turn, rotating
// their order every round. go vet caches its results, so every vet run
// gets a distinct, inert flag value (-printf.funcs for vet's analyzers,
// -baseline with an empty baseline for ctxlint as a vet tool) that makes
// it analyse again without recompiling anything: that is vet's cost on a
// cold vet cache (a CI job, the first run after a flag change), which
// includes type-checking every dependency from source to pass types and
// facts between packages. "go vet (results cached)" repeats the same
// flags, so after the warm-up it analyses nothing: vet's floor on an
// unchanged tree. With -gcl (a golangci-lint
// built with the ctxlint plugin, see integration/golangci), it also times
// golangci-lint running only ctxlint (with the plugin's default settings,
// and with cross-package: true, whose facts make golangci-lint analyse
// every dependency from source when its cache is empty) against
// golangci-lint running only govet, each with a fresh cache. With -compare BIN it also times another
// ctxlint binary (a build from before a change), so that a refactoring's
// cost is measured side by side with the code it replaces; -skip-vet
// leaves out the go vet rows.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

type sample struct {
	wall, cpu time.Duration
	rssKB     int64
	code      int
}

type command struct {
	name string
	args func(round int) []string // argv for a round
	env  func(round int) []string // extra environment
	runs []sample
	note string
}

func main() {
	runs := flag.Int("runs", 5, "timed runs of each command")
	gcl := flag.String("gcl", "", "path of a golangci-lint built with the ctxlint plugin (optional)")
	vettool := flag.Bool("vettool", false, "also time go vet -vettool=ctxlint, uncached (x/tools' unitchecker type-checks every dependency from source the first time)")
	compare := flag.String("compare", "", "also time this other ctxlint `binary` (an earlier build, say), as the row \"ctxlint (compared)\"")
	skipVet := flag.Bool("skip-vet", false, "do not time go vet (its uncached run takes minutes on a large module)")
	flag.Parse()
	if flag.NArg() < 1 {
		log.Fatal("usage: bench [-runs N] [-gcl custom-gcl] DIR [PATTERN ...]")
	}
	dir, err := filepath.Abs(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	patterns := flag.Args()[1:]
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}

	tmp, err := os.MkdirTemp("", "ctxlint-bench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	repo := repoRoot()
	ctxlint := filepath.Join(tmp, "ctxlint")
	noop := filepath.Join(tmp, "noop")
	for bin, pkg := range map[string]string{ctxlint: "./cmd/ctxlint", noop: "./bench/noop"} {
		cmd := exec.Command("go", "build", "-o", bin, pkg)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			log.Fatalf("building %s: %v\n%s", pkg, err, out)
		}
	}
	emptyBaseline := func(round int) string {
		path := filepath.Join(tmp, fmt.Sprintf("baseline-%d.json", round))
		os.WriteFile(path, []byte(`{"ctxlint_baseline": 1, "findings": []}`), 0o644)
		return path
	}
	with := func(args ...string) []string { return append(args, patterns...) }
	// vet's cache outlives this process: the flag values must differ from
	// those of every earlier benchmark run too, not only between rounds.
	nonce := time.Now().UnixNano()
	cmds := []*command{
		{name: "ctxlint", args: func(int) []string { return with(ctxlint) }},
		{name: "noop (floor)", args: func(int) []string { return with(noop) }},
	}
	if !*skipVet {
		cmds = append(cmds,
			&command{name: "go vet", args: func(r int) []string {
				return with("go", "vet", fmt.Sprintf("-printf.funcs=ctxlintbench%dx%d", nonce, r))
			}},
			&command{name: "go vet (results cached)", args: func(int) []string { return with("go", "vet") }})
	}
	if *compare != "" {
		other, err := filepath.Abs(*compare)
		if err != nil {
			log.Fatal(err)
		}
		cmds = append(cmds, &command{name: "ctxlint (compared)", args: func(int) []string { return with(other) }})
	}
	if *vettool {
		cmds = append(cmds, &command{name: "go vet -vettool=ctxlint (uncached)", args: func(r int) []string {
			return with("go", "vet", "-vettool="+ctxlint, "-baseline="+emptyBaseline(r))
		}})
	}
	if *gcl != "" {
		for i, c := range []struct{ name, config string }{
			{"golangci-lint (ctxlint only)", "linters:\n  default: none\n  enable: [ctxlint]\n  settings:\n    custom:\n      ctxlint:\n        type: module\n"},
			{"golangci-lint (ctxlint, cross-package)", "linters:\n  default: none\n  enable: [ctxlint]\n  settings:\n    custom:\n      ctxlint:\n        type: module\n        settings:\n          cross-package: true\n"},
			{"golangci-lint (govet only)", "linters:\n  default: none\n  enable: [govet]\n"},
		} {
			config := filepath.Join(tmp, fmt.Sprintf("gcl-%d.yml", i))
			os.WriteFile(config, []byte("version: \"2\"\n"+c.config), 0o644)
			cmds = append(cmds, &command{
				name: c.name,
				args: func(int) []string {
					return with(*gcl, "run", "--config", config, "--allow-parallel-runners", "--show-stats=false", "--output.text.path=/dev/null")
				},
				env: func(r int) []string {
					return []string{"GOLANGCI_LINT_CACHE=" + filepath.Join(tmp, fmt.Sprintf("gcl-cache-%d-%d", i, r))}
				},
			})
		}
	}

	fmt.Fprintf(os.Stderr, "warming up in %s ...\n", dir)
	for _, c := range cmds {
		s := measure(dir, c, -1)
		if s.code != 0 && s.code != 1 && s.code != 3 {
			c.note = fmt.Sprintf("exit %d", s.code)
		}
	}
	for r := 0; r < *runs; r++ {
		for i := range cmds {
			c := cmds[(i+r)%len(cmds)]
			c.runs = append(c.runs, measure(dir, c, r))
		}
		fmt.Fprintf(os.Stderr, "round %d/%d done\n", r+1, *runs)
	}

	floor := median(cmds[1].runs)
	vetRatio := func(m sample) string { return "-" }
	if !*skipVet {
		vet := median(cmds[2].runs)
		vetRatio = func(m sample) string { return fmt.Sprintf("%.2f", m.wall.Seconds()/vet.wall.Seconds()) }
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "command\twall (median)\tCPU (median)\tpeak RSS (median)\twall / go vet\twall / floor\tRSS / floor\texit\t\n")
	for _, c := range cmds {
		m := median(c.runs)
		fmt.Fprintf(tw, "%s\t%.2fs\t%.2fs\t%d MB\t%s\t%.2f\t%.2f\t%d %s\t\n", c.name, m.wall.Seconds(), m.cpu.Seconds(), m.rssKB/1024,
			vetRatio(m), m.wall.Seconds()/floor.wall.Seconds(), float64(m.rssKB)/float64(floor.rssKB), m.code, c.note)
	}
	tw.Flush()
	fmt.Printf("\n%d runs each after one warm-up; %s; %d CPUs; peak RSS is the largest process of the command's tree.\n",
		*runs, goVersion(), runtime.NumCPU())
}

// measure runs c once in dir; round -1 is the warm-up.
func measure(dir string, c *command, round int) sample {
	r := max(round, 0) + 1000*boolInt(round < 0)
	argv := c.args(r)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = os.Environ()
	if c.env != nil {
		cmd.Env = append(cmd.Env, c.env(r)...)
	}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	s := sample{wall: wall}
	if ee, ok := err.(*exec.ExitError); ok {
		s.code = ee.ExitCode()
	} else if err != nil {
		log.Fatalf("%s: %v", c.name, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		s.rssKB = ru.Maxrss
	}
	if s.code != 0 && s.code != 1 && s.code != 3 && round >= 0 {
		fmt.Fprintf(os.Stderr, "%s: exit %d\n%s\n", c.name, s.code, tail(stderr.String()))
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-10):], "\n")
}

// median returns the sample with the median wall time, with the median
// CPU time and peak memory of the runs.
func median(ss []sample) sample {
	if len(ss) == 0 {
		return sample{wall: 1}
	}
	med := func(f func(sample) int64) int64 {
		v := make([]int64, len(ss))
		for i, s := range ss {
			v[i] = f(s)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return sample{
		wall:  time.Duration(med(func(s sample) int64 { return int64(s.wall) })),
		cpu:   time.Duration(med(func(s sample) int64 { return int64(s.cpu) })),
		rssKB: med(func(s sample) int64 { return s.rssKB }),
		code:  ss[0].code,
	}
}

func repoRoot() string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/ctxlint/ctxlint").Output()
	if err != nil {
		log.Fatalf("run bench from the ctxlint repository: %v", err)
	}
	return strings.TrimSpace(string(out))
}

func goVersion() string {
	out, _ := exec.Command("go", "version").Output()
	return strings.TrimSpace(string(out))
}
