/**
 * Every IPC channel and event. Each domain declares its own in `contract/<domain>.ts`; this file
 * joins them. The preload, the dispatcher in main, the harness bridge and the renderer's api/ all
 * derive from these objects, so a channel exists everywhere or nowhere.
 */
import type { z } from 'zod';
import type { Result } from './result';
import type { ChannelSpec, DomainOf, EventSpec, VerbOf } from './contract/define';
import { appChannels } from './contract/app';
import { vaultChannels, vaultEvents } from './contract/vault';
import { mailChannels, mailEvents } from './contract/mail';
import { discoveryChannels, discoveryEvents } from './contract/discovery';
import { planChannels, planEvents } from './contract/plan';
import { transferChannels, transferEvents } from './contract/transfer';
import { remindersChannels, remindersEvents } from './contract/reminders';
import { settingsChannels } from './contract/settings';
import { archiveChannels, archiveEvents } from './contract/archive';

export const channels = {
  ...appChannels,
  ...vaultChannels,
  ...mailChannels,
  ...discoveryChannels,
  ...planChannels,
  ...transferChannels,
  ...remindersChannels,
  ...settingsChannels,
  ...archiveChannels,
} as const;

export const events = {
  ...vaultEvents,
  ...mailEvents,
  ...discoveryEvents,
  ...planEvents,
  ...transferEvents,
  ...remindersEvents,
  ...archiveEvents,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels & string;
export type EventName = keyof typeof events & string;

type InputSchema<C extends ChannelName> = Channels[C]['input'];
/** What a caller passes. */
export type ChannelInput<C extends ChannelName> = z.input<InputSchema<C>>;
/** What a handler receives, after parsing. */
export type ChannelArgs<C extends ChannelName> = z.output<InputSchema<C>>;
export type ChannelOutput<C extends ChannelName> =
  Channels[C] extends ChannelSpec<z.ZodType, infer O> ? O : never;
export type EventPayload<E extends EventName> = (typeof events)[E] extends EventSpec<infer P> ? P : never;

export type Handler<C extends ChannelName> = (
  args: ChannelArgs<C>,
) => Promise<Result<ChannelOutput<C>>> | Result<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

export type Domain = DomainOf<ChannelName>;

type Call<C extends ChannelName> =
  ChannelInput<C> extends void | undefined
    ? () => Promise<Result<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

/** The shape of `window.closeout`: methods grouped by domain, plus `on` for events. */
export type CloseoutApi = {
  [D in Domain]: { [C in ChannelName as C extends `${D}:${string}` ? VerbOf<C> : never]: Call<C> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Sends a main -> renderer event; core services receive one of these. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
