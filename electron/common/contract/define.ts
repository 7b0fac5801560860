import type { z } from 'zod';

/**
 * A channel: the zod schema of its one argument (use `z.void()` for none) and, as a phantom type,
 * the value its successful Result carries. Names are `domain:verb` (verb in kebab-case).
 */
export interface ChannelSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom: never read at run time. */
  readonly output?: O;
}

export function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input });
}

/** A main -> renderer event with its payload type (phantom). */
export interface EventSpec<P> {
  readonly payload?: P;
}

export function event<P>(): EventSpec<P> {
  return {};
}

type KebabToCamel<S extends string> = S extends `${infer H}-${infer T}`
  ? `${H}${Capitalize<KebabToCamel<T>>}`
  : S;

export type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
export type VerbOf<C extends string> = C extends `${string}:${infer V}` ? KebabToCamel<V> : never;

export function verbToMethod(verb: string): string {
  return verb.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** 'plan:set-status' -> ['plan', 'setStatus'] */
export function splitChannel(name: string): [domain: string, method: string] {
  const at = name.indexOf(':');
  return [name.slice(0, at), verbToMethod(name.slice(at + 1))];
}
