package directives

import "context"

func use(ctx context.Context) {}

func use2(a, b context.Context) bool { return true }

func f(ctx context.Context) {
	//ctxlint:ignore inheritctx the audit record must outlive the request
	use(context.Background())
	// want +1 `^ctxlint: this ctxlint:ignore directive silences no reconcilectx finding on its line`
	use(context.TODO()) //ctxlint:ignore inheritctx,reconcilectx the list names one check too many

	// want +1 `^ctxlint: ctxlint:ignore directive for inheritctx has no reason; say why the finding is wrong or deliberate: //ctxlint:ignore inheritctx <reason>$`
	//ctxlint:ignore inheritctx
	use(context.TODO()) // want `^inheritctx: context.TODO`

	// want +1 `^ctxlint: ctxlint:ignore directive names unknown check "inheritcontext" \(checks: reconcilectx, inheritctx, storedctx, watchloop, webhookctx\)$`
	//ctxlint:ignore inheritcontext the name is misspelled
	use(context.TODO()) // want `^inheritctx: context.TODO`

	// want +1 `^ctxlint: ctxlint:ignore directive names no check`
	//ctxlint:ignore
	use(context.TODO()) // want `^inheritctx: context.TODO`

	// want +1 `^ctxlint: this ctxlint:ignore directive silences no inheritctx finding on its line; remove it, or move it to the line of the finding$`
	use(ctx)            //ctxlint:ignore inheritctx a trailing directive covers its own line only
	use(context.TODO()) // want `^inheritctx: context.TODO`

	//ctxlint:ignore inheritctx a directive above a statement covers all of its lines
	use2(ctx,
		context.Background())

	//ctxlint:ignore inheritctx above an if, it covers the header, not the body
	if use2(ctx,
		context.TODO()) {
		use(context.TODO()) // want `^inheritctx: context.TODO`
	}

	// want +1 `^ctxlint: ctxlint:ignore directive has a space after //, so it silences nothing; write //ctxlint:ignore <check> <reason>$`
	// ctxlint:ignore inheritctx the space makes it a plain comment
	use(context.TODO()) // want `^inheritctx: context.TODO`
}

// One directive on the root's line silences a root context that many
// calls reach.
func warm() {
	//ctxlint:ignore inheritctx the cache warms up once, for every caller
	use(context.TODO())
}

func first(ctx context.Context)  { warm() }
func second(ctx context.Context) { warm() }
func third(ctx context.Context)  { warm() }

//ctxlint:ignored is another word, not a directive.
