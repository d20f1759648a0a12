package basic

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/cluster"
)

// One root context that many calls reach is one finding, at the root; its
// related information lists the first three calls and counts the rest.
func shared() *Client {
	_ = (&Client{}).push(context.TODO()) // want `^context.TODO\(\) in shared, which callerOne calls without its ctx; thread a context.Context parameter down and pass ctx$`
	return &Client{}
}

func callerOne(ctx context.Context)   { shared() }
func callerTwo(ctx context.Context)   { shared() }
func callerThree(ctx context.Context) { _ = shared() }
func callerFour(ctx context.Context)  { wrapsShared() }
func callerFive(ctx context.Context)  { wrapsShared() }
func wrapsShared()                    { shared() }

// The roots of one helper are one finding, at the first; every helper
// a call reaches has its own.
func several() {
	_ = (&Client{}).push(context.TODO()) // want `^context.TODO\(\) and 2 more root contexts in several, which callsSeveral calls without its ctx; thread`
	_ = (&Client{}).push(context.TODO())
	_ = (&Client{}).push(context.Background())
	severalMore()
}

func severalMore() {
	_ = (&Client{}).push(context.TODO()) // want `^context.TODO\(\) in severalMore, which callsSeveral calls without its ctx \(via several\)`
}

func callsSeveral(ctx context.Context) { several() }

// A recursive chain: each root once, by the shortest way.
func walkDown(n int) {
	if n > 0 {
		walkUp(n - 1)
	}
	_ = (&Client{}).push(context.TODO()) // want `^context.TODO\(\) in walkDown, which startWalk calls without its ctx;`
}

func walkUp(n int) {
	walkDown(n)
	_ = (&Client{}).push(context.Background()) // want `^context.Background\(\) in walkUp, which startWalk calls without its ctx \(via walkDown\)`
}

func startWalk(ctx context.Context) { walkDown(3) }
func startUp(ctx context.Context)   { walkUp(3) }

// A closure that runs during the call belongs to the helper.
func withClosure() {
	func() {
		_ = (&Client{}).push(context.TODO()) // want `^context.TODO\(\) in withClosure, which callsClosure calls without its ctx;`
	}()
}

func callsClosure(ctx context.Context) { withClosure() }

// A long chain: the message names two helpers and counts the rest.
func chain1() { chain2() }
func chain2() { chain3() }
func chain3() { chain4() }
func chain4() {
	_ = (&Client{}).push(context.TODO()) // want `^context.TODO\(\) in chain4, which callsChain calls without its ctx \(via chain1, chain2 and 1 more\);`
}
func callsChain(ctx context.Context) { chain1() }

// An accessor that an interface of another package requires cannot take
// a ctx: the message suggests a variant that does.
type lazyCluster struct{ c client.Client }

var _ cluster.Cluster = &lazyCluster{}

func (l *lazyCluster) GetClient() client.Client {
	_ = (&Client{}).push(context.TODO()) // want `^context.TODO\(\) in lazyCluster.GetClient, which useCluster calls without its ctx; cluster.Cluster fixes the signature of GetClient: add a variant that takes a context.Context and pass ctx$`
	return l.c
}

func useCluster(ctx context.Context, l *lazyCluster) client.Client { return l.GetClient() }

// A method value in a local variable, whose every value is visible, is
// followed to its method.
func (c *Client) viaValue() { _ = c.push(context.TODO()) } // want `^context.TODO\(\) in Client.viaValue, which callsMethodValue calls without its ctx; thread`

func callsMethodValue(ctx context.Context) {
	f := (&Client{}).viaValue
	f()
}

// Silent neighbours.

// A helper only called from ctx-less code has no ctx to receive.
func onlyFromCtxless() { _ = (&Client{}).push(context.TODO()) }
func ctxless()         { onlyFromCtxless() }

// A root context in a go statement inside the helper detaches on purpose.
func spawns() {
	go func() { _ = (&Client{}).push(context.TODO()) }()
}
func callsSpawns(ctx context.Context) { spawns() }

// A helper called only in a go statement is detached too (reported with
// -report-detached).
func inGoOnly()                     { _ = (&Client{}).push(context.TODO()) }
func callsInGo(ctx context.Context) { go inGoOnly() }
