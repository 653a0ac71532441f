# Sourced by the bench scripts: the packaged app runs the prod profile, which refuses the demo passwords and
# loads the sample data only when asked (the benchmarks were measured with it).
export SHOPHEALTH_SAMPLE_DATA_LOAD=${SHOPHEALTH_SAMPLE_DATA_LOAD:-true}
export SHOPHEALTH_USERS_ADMIN_PASSWORD=${SHOPHEALTH_USERS_ADMIN_PASSWORD:-bench-admin-secret}
export SHOPHEALTH_USERS_ANALYST_PASSWORD=${SHOPHEALTH_USERS_ANALYST_PASSWORD:-bench-analyst-secret}
export SHOPHEALTH_USERS_ANALYST2_PASSWORD=${SHOPHEALTH_USERS_ANALYST2_PASSWORD:-bench-analyst2-secret}
export SHOPHEALTH_USERS_REVIEWER_PASSWORD=${SHOPHEALTH_USERS_REVIEWER_PASSWORD:-bench-reviewer-secret}
export SHOPHEALTH_USERS_MERCHANT_PASSWORD=${SHOPHEALTH_USERS_MERCHANT_PASSWORD:-bench-merchant-secret}
ADMIN="admin:$SHOPHEALTH_USERS_ADMIN_PASSWORD"
ANALYST="analyst:$SHOPHEALTH_USERS_ANALYST_PASSWORD"
ANALYST2="analyst2:$SHOPHEALTH_USERS_ANALYST2_PASSWORD"
export BENCH_AUTH="Basic $(printf '%s' "$ADMIN" | base64 -w0)"
