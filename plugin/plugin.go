// Package plugin registers ctxlint as a golangci-lint v2 module plugin
// named "ctxlint".
//
// Build a golangci-lint that includes it with "golangci-lint custom" and a
// .custom-gcl.yml whose plugin entry has
// "import: github.com/ctxlint/ctxlint/plugin"; configure it under
// linters.settings.custom.ctxlint (see .golangci.example.yml at the root of
// the repository). Settings are decoded strictly: an unknown key, check or
// option, or a check both enabled and disabled, stops golangci-lint at
// start-up with an error.
package plugin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint"
)

func init() { register.Plugin("ctxlint", New) }

// Plugin is the golangci-lint plugin.
type Plugin struct{ cfg ctxlint.Config }

// New decodes the settings of linters.settings.custom.ctxlint.settings:
//
//	enable: [CHECK, ...]        # add checks to the default set
//	disable: [CHECK, ...]       # remove checks from it
//	cross-package: BOOL         # follow helpers into the module's other packages (default false; the command always does)
//	include-tests: BOOL         # the command's -include-tests
//	CHECK:                      # one map per check: its options, as the command's -CHECK.OPTION
//	  OPTION: VALUE             # a bool, string, number, or a list (joined with commas)
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := decode(settings)
	if err != nil {
		return nil, fmt.Errorf("ctxlint settings: %v", err)
	}
	// golangci-lint would report each related position as an issue of its
	// own; the messages name those positions already.
	cfg.DropRelated = true
	// Validate now, so that mistakes stop golangci-lint at start-up.
	if _, err := ctxlint.New(cfg); err != nil {
		return nil, fmt.Errorf("ctxlint settings: %v", err)
	}
	return &Plugin{cfg: cfg}, nil
}

// BuildAnalyzers returns the composite analyzer: its messages start with
// the check's name, as the command's do.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	a, err := ctxlint.New(p.cfg)
	if err != nil {
		return nil, err
	}
	return []*analysis.Analyzer{a}, nil
}

// GetLoadMode: the checks need type information.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

func decode(settings any) (ctxlint.Config, error) {
	var cfg ctxlint.Config
	if settings == nil {
		return cfg, nil
	}
	data, err := json.Marshal(settings)
	if err != nil {
		return cfg, err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return cfg, fmt.Errorf("want a map of settings: %v", err)
	}
	keys := make([]string, 0, len(top))
	for k := range top {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		raw := top[key]
		switch key {
		case "enable":
			err = strict(raw, &cfg.Enable)
		case "disable":
			err = strict(raw, &cfg.Disable)
		case "cross-package":
			err = strict(raw, &cfg.CrossPackage)
		case "include-tests":
			err = strict(raw, &cfg.IncludeTests)
		default:
			if !isCheck(key) {
				return cfg, fmt.Errorf("unknown key %q (keys: enable, disable, cross-package, include-tests, %s)", key, strings.Join(ctxlint.CheckNames(), ", "))
			}
			var opts map[string]json.RawMessage
			if err := strict(raw, &opts); err != nil {
				return cfg, fmt.Errorf("%s: want a map of options: %v", key, err)
			}
			if cfg.Options == nil {
				cfg.Options = map[string]map[string]string{}
			}
			cfg.Options[key] = map[string]string{}
			for opt, v := range opts {
				s, err := flagValue(v)
				if err != nil {
					return cfg, fmt.Errorf("%s.%s: %v", key, opt, err)
				}
				cfg.Options[key][opt] = s
			}
		}
		if err != nil {
			return cfg, fmt.Errorf("%s: %v", key, err)
		}
	}
	return cfg, nil
}

func isCheck(name string) bool {
	for _, c := range ctxlint.CheckNames() {
		if c == name {
			return true
		}
	}
	return false
}

func strict(raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// flagValue turns a YAML scalar or list into the option's flag syntax.
func flagValue(raw json.RawMessage) (string, error) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", err
	}
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v), nil
	case string:
		return v, nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				return "", fmt.Errorf("list elements must be strings, got %v", e)
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	case nil:
		return "", fmt.Errorf("no value")
	}
	return "", fmt.Errorf("unsupported value %v", v)
}
