#!/usr/bin/env python3
"""Writes bench/screening-sql.pgbench from PostgreSQL's log of one screening.

A screening's statements, without the service: capture them, then run this.
  psql -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()"
  (one POST /api/cancellations of bench/post-cancellation.lua's shop HB, out of stock, left to a reviewer)
  psql -c "alter system set log_statement = 'none'" -c "select pg_reload_conf()"
  grep bench_app /var/log/postgresql/postgresql-15-main.log | tail -n 200 > screening.log
  bench/screening-sql-from-log.py screening.log > bench/screening-sql.pgbench

Every statement keeps its text; every parameter stays a parameter (pgbench -M prepared binds each :variable as one),
so the database plans what it plans for the service. What differs, and why:
- the values of one screening become variables: a random order of HB, its lock, the window bounds of now;
- values that must be new per transaction are drawn by the database (gen_random_uuid()): the request's id, its
  idempotency key and its claim on the order (both unique), the decision's id;
- the decision's JSON becomes text of the same length;
- a first statement, outside the transaction, computes the variables (one round trip the service does not make).
"""
import datetime
import re
import sys

DAY = 86400


def statements(log):
    """(text, {n: value}) of each statement of the last transaction that locks an order of HB."""
    found = []
    for line in log:
        m = re.search(r'LOG:  (?:statement|execute [^:]+): (.*)$', line)
        if m:
            found.append([m.group(1), {}])
            continue
        m = re.search(r'DETAIL:  parameters: (.*)$', line)
        if m and found:
            for k, v in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", m.group(1)):
                found[-1][1][int(k)] = None if v == 'NULL' else v[1:-1].replace("''", "'")
    begins = [i for i, (text, _) in enumerate(found) if text == 'BEGIN']
    for b in reversed(begins):
        end = next(i for i in range(b, len(found)) if found[i][0] == 'COMMIT')
        if any('for no key update' in t and any(str(v).startswith('HB-') for v in p.values())
               for t, p in found[b:end]):
            return found[b + 1:end]
    sys.exit('no screening of an order of HB in the log')


def stamp(t):
    return t.strftime('%Y-%m-%d %H:%M:%S.%f').rstrip('0').rstrip('.') + '+00'


def main():
    screening = statements(open(sys.argv[1], encoding='utf-8').read().split('\n'))
    order = next(p[1] for t, p in screening if 'for no key update' in t)
    facts = next(p for t, p in screening if 'stock_count' in t)
    as_of = datetime.datetime.fromisoformat(facts[2].replace('+00', '+00:00'))
    epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    day = lambda t: int((t - epoch).total_seconds() // DAY)
    start = lambda d: epoch + datetime.timedelta(days=d)
    # the values a screening at as_of binds, by the variable that stands for each
    named = {'asof': stamp(as_of), 'da': str(day(as_of)), 'ea': stamp(start(day(as_of) + 1)) }
    for w, days in (('0', 7), ('1', 30)):
        t = as_of - datetime.timedelta(days=days)
        named['t' + w], named['d' + w], named['e' + w] = stamp(t), str(day(t)), stamp(start(day(t)))
    by_value = {v: k for k, v in named.items()}
    shop = next(p[1] for t, p in screening if t.startswith('insert into shop_change'))
    constants = {}
    out = []
    for text, params in screening:
        def value(m):
            n = int(m.group(1))
            v = params.get(n)
            if v is None:
                return 'null'
            column = columns(text)[n - 1] if text.startswith('insert') else ''
            if v == order and column != 'claimed_order_no':
                return ':ord'
            if v in by_value:
                return ':' + by_value[v]
            fresh = {'id': 'gen_random_uuid()::text', 'idempotency_key': 'gen_random_uuid()::text',
                     'claimed_order_no': 'gen_random_uuid()::text',
                     # the decision's own id, then the request's reference to it
                     'decision_id': 'gen_random_uuid()::text' if text.startswith('insert into decision_log')
                     else ':did'}
            if column in fresh:
                return fresh[column]
            if column == 'request_hash':
                return "repeat('h', %d)" % len(v)
            if column in ('input', 'output'):
                return "repeat('%s', %d)" % (column[0], len(v))
            if column == 'slot':
                return ':' + {'shop_day_count': 'slot', 'review_queue_count': 'qslot', 'shop_change': 'cslot'}[
                    re.match(r'insert into (\w+)', text).group(1)]
            if text.startswith('select c1_0.id') and 'idempotency_key' in text.split('where')[-1] and n == 1:
                return "'pgbench-' || :client_id || '-' || :n"
            name = constants.setdefault(v, 'k%d' % len(constants))
            return ':' + name
        sql = re.sub(r'\$(\d+)', value, text)
        if sql.startswith('insert into decision_log'):
            sql += ' returning decision_id as did \\gset'
        out.append(sql + ';' if not sql.endswith('\\gset') else sql)
    print('-- Generated by bench/screening-sql-from-log.py from PostgreSQL\'s log of one screening (see its header):')
    print('-- the statements of one POST /api/cancellations of bench/post-cancellation.lua (shop HB, out of stock, left')
    print('-- to a reviewer), run with pgbench -M prepared by bench/service-vs-pgbench.sh. -D orders=N: HB-1 .. HB-N.')
    print('\\set n random(1, :orders)')
    print('\\set slot random(0, 7)')
    print('\\set qslot random(0, 15)')
    print('\\set cslot random(0, 7)')
    sel = ["'HB-' || :n as ord"]
    sel += ["now() as asof", "now() - interval '7 days' as t0", "now() - interval '30 days' as t1",
            "floor(extract(epoch from now()) / %d)::int as da" % DAY,
            "floor(extract(epoch from now() - interval '7 days') / %d)::int as d0" % DAY,
            "floor(extract(epoch from now() - interval '30 days') / %d)::int as d1" % DAY,
            "to_timestamp(floor(extract(epoch from now()) / %d) * %d + %d) as ea" % (DAY, DAY, DAY),
            "to_timestamp(floor(extract(epoch from now() - interval '7 days') / %d) * %d) as e0" % (DAY, DAY),
            "to_timestamp(floor(extract(epoch from now() - interval '30 days') / %d) * %d) as e1" % (DAY, DAY)]
    sel += ["'%s' as %s" % (v.replace("'", "''"), k) for v, k in constants.items()]
    print('select ' + ', '.join(sel) + ' \\gset')
    print('BEGIN;')
    for s in out:
        print(s)
    print('COMMIT;')


def columns(insert):
    return [c.strip() for c in re.search(r'\(([^)]*)\) values', insert).group(1).split(',')]


if __name__ == '__main__':
    main()
