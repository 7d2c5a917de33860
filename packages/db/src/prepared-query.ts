import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './create-db';
import { poolQueryOf } from './pool-query';

/** What a parameter holds until it runs: no value a caller could send starts with a NUL character. */
const MARK = '\u0000stockscan-param:';

/** What `build` writes where a value of the call goes. */
export type Param<P> = <K extends keyof P & string>(name: K) => P[K];

/**
 * A Date goes as ISO-8601 UTC text: node-pg's own conversion (local time with its offset) cost ~2 µs a date, and
 * every timestamp column of the schema is timestamptz, which reads both alike.
 */
function wire(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

export interface PreparedQuery<P, R> {
  /** Every row, in the database's order. */
  execute(db: Db, params: P): Promise<R[]>;
  /** The first row, or undefined. */
  executeTakeFirst(db: Db, params: P): Promise<R | undefined>;
}

/**
 * A query kysely builds and compiles once, then runs with new values — for those that run on every request (who
 * is calling, the tenant's plan and usage, the service of an inventory call, the health ping): building and
 * compiling the query tree each time was ~160 µs of an entitlements request (`pnpm bench:load`, #21). `build`
 * writes the query as usual with `param(name)` where a value of the call goes
 * (`preparedQuery<{ tenantId: string }>()((db, param) => …)`); those places must end up as bound parameters ($1,
 * $2…), which is what kysely makes of a value (where, values, limit, sql`${…}`), never as SQL text (identifiers,
 * sql.raw, sql.lit), and `build` must not branch on them: the first run checks both and throws. A parameter is one
 * value — a list goes as an array (`= any(${param(…)})`). `db` may be the pool or a transaction: they compile alike
 * (this app speaks PostgreSQL only, PGlite included); on a pool made by createDb the statement skips kysely's
 * executor (pool-query.ts).
 */
export function preparedQuery<P extends Record<string, unknown>>() {
  return <R>(build: (db: Db, param: Param<P>) => Compilable<R>): PreparedQuery<P, R> => prepare(build);
}

/** A query with a few shapes (which filters apply, which page it walks), run with the values of one call. */
export interface PreparedShapes<P, S, R> {
  execute(db: Db, shape: S, params: P): Promise<R[]>;
}

/**
 * preparedQuery for a query whose SQL text changes with a few choices of the call — a filter present or not, a
 * first page or a later one: `build` gets the `shape` (booleans and enums only, never a value: a value goes
 * through `param`) and each shape is built and compiled once, the first time it is asked, then reused. The shape
 * is the key as JSON: `build` must read nothing else to decide its SQL (the rules of preparedQuery apply to each
 * shape). Every combination is compiled at most once: keep shapes few (tens).
 */
export function preparedShapes<
  P extends Record<string, unknown>,
  S extends Record<string, boolean | string>,
>() {
  return <R>(build: (db: Db, param: Param<P>, shape: S) => Compilable<R>): PreparedShapes<P, S, R> => {
    const byShape = new Map<string, PreparedQuery<P, R>>();
    return {
      execute(db, shape, params) {
        const key = JSON.stringify(shape);
        let query = byShape.get(key);
        if (query === undefined) {
          query = prepare<P, R>((each, param) => build(each, param, shape));
          byShape.set(key, query);
        }
        return query.execute(db, params);
      },
    };
  };
}

function prepare<P extends Record<string, unknown>, R>(
  build: (db: Db, param: Param<P>) => Compilable<R>,
): PreparedQuery<P, R> {
  let compiled: { query: CompiledQuery<R>; slots: (string | null)[]; named: boolean } | undefined;

  function compile(db: Db) {
    const asked = new Set<string>();
    const param = (name: string) => {
      asked.add(name);
      return `${MARK}${name}`;
    };
    const query = build(db, param as Param<P>).compile();
    if (query.sql.includes(MARK))
      throw new Error('preparedQuery: a param() ended up in the SQL text; it must be a bound value');
    const slots = query.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(MARK) ? value.slice(MARK.length) : null,
    );
    for (const name of asked)
      if (!slots.includes(name))
        throw new Error(`preparedQuery: param('${name}') is not a bound value of the query`);
    return { query, slots, named: asked.size > 0 };
  }

  async function execute(db: Db, params: P): Promise<R[]> {
    compiled ??= compile(db);
    const { query, slots, named } = compiled;
    const parameters = named
      ? slots.map((name, i) => (name === null ? query.parameters[i] : wire(params[name])))
      : query.parameters;
    // Straight to the pool when `db` is one (no plugin to apply, nothing to transform): kysely's executor and its
    // promise hops were a few µs a statement; a transaction goes through kysely, on its own connection.
    const onPool = poolQueryOf(db);
    if (onPool) return (await onPool(query.sql, parameters)) as R[];
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  }

  return {
    execute,
    async executeTakeFirst(db, params) {
      return (await execute(db, params))[0];
    },
  };
}
