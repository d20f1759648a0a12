package plugin_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctxlint/ctxlint"
	"github.com/ctxlint/ctxlint/internal/testutil"
	_ "github.com/ctxlint/ctxlint/plugin"
)

func build(t *testing.T, settings any) *analysis.Analyzer {
	t.Helper()
	newPlugin, err := register.GetPlugin("ctxlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatal(err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", p.GetLoadMode(), register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != "ctxlint" {
		t.Fatalf("analyzers %v, want the one ctxlint composite", as)
	}
	return as[0]
}

func TestDefaults(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), build(t, nil), "composite/all")
	analysistest.Run(t, testutil.TestData(), build(t, map[string]any{}), "composite/all")
}

func TestDisable(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), build(t, map[string]any{"disable": []any{"inheritctx"}}), "composite/only")
}

func TestCheckOptions(t *testing.T) {
	a := build(t, map[string]any{"inheritctx": map[string]any{"report-detached": true}})
	analysistest.Run(t, testutil.TestData(), a, "plugin/detached")

	// The options of the waits and ctx-less call rules come from the
	// analyzers' flags like every other.
	a = build(t, map[string]any{"inheritctx": map[string]any{"waits": true, "ctxless": false}})
	analysistest.Run(t, testutil.TestData(), a, "plugin/waits")
}

func TestDirectivesWork(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), build(t, nil), "composite/directives")
}

func all() []any {
	var out []any
	for _, name := range ctxlint.CheckNames() {
		out = append(out, name)
	}
	return out
}

func TestBadSettings(t *testing.T) {
	newPlugin, err := register.GetPlugin("ctxlint")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"disabled": []any{"inheritctx"}}, `unknown key "disabled"`},
		{map[string]any{"enable": []any{"inherictx"}}, `unknown check "inherictx"`},
		{map[string]any{"disable": []any{"nosuch"}}, `unknown check "nosuch"`},
		{map[string]any{"enable": []any{"inheritctx"}, "disable": []any{"inheritctx"}}, `check "inheritctx" is both enabled and disabled`},
		{map[string]any{"inheritctx": map[string]any{"report-detach": true}}, `unknown option "report-detach" for check inheritctx (options: ctxless, include-tests, innerctx, report-detached, stopchan, waits)`},
		{map[string]any{"inheritctx": map[string]any{"report-detached": "maybe"}}, `option report-detached of check inheritctx`},
		{map[string]any{"inheritctx": true}, `inheritctx: want a map of options`},
		{map[string]any{"enable": "inheritctx"}, `enable:`},
		{map[string]any{"cross-package": "yes"}, `cross-package:`},
		{map[string]any{"include-tests": "yes"}, `include-tests:`},
		{map[string]any{"disable": all()}, `every check is disabled`},
	} {
		_, err := newPlugin(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: error %v, want one containing %q", tc.settings, err, tc.want)
		}
	}
}

func TestIncludeTests(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), build(t, map[string]any{"include-tests": true}), "composite/tests")
}
