/**
 * What o311 keeps about a request's reporter beyond the request itself (issue
 * 14): whether they get mail about it and in which language, the secret links
 * mailed to them (stored hashed), the city's settings, and the "is it fixed?"
 * question asked after each closing. Part of the {@link Store} as `store.reporter`.
 * Times are epoch milliseconds (UTC).
 */
import type { NewMedia } from './contract.js';

/** The `author` of the events a reporter adds (comments, photos, reopenings): never shown publicly as such. */
export const REPORTER_AUTHOR = 'o311:reporter';
/** The `author` of the event of a reporter answering "is it fixed?" with no (a reopening or, past the window, a comment). */
export const REPORTER_NOT_FIXED_AUTHOR = 'o311:reporter:not-fixed';
/** The `author` of the internal note that records a "yes, it is fixed" answer for staff. */
export const REPORTER_FIXED_AUTHOR = 'o311:reporter:fixed';
export const isReporterAuthor = (author: string | null): boolean =>
  author === REPORTER_AUTHOR || author === REPORTER_NOT_FIXED_AUTHOR || author === REPORTER_FIXED_AUTHOR;

export const REPORTER_ANSWERS = ['yes', 'no'] as const;
export type ReporterAnswer = (typeof REPORTER_ANSWERS)[number];

/** Bounds of the settings (checked by the server, declared by its forms and API). */
export const MAX_QUESTION_DELAY_HOURS = 24 * 30;
export const MAX_REOPEN_WINDOW_DAYS = 365;

export interface ReporterSettings {
  jurisdiction_id: string;
  /**
   * Requests POSTed through the Open311 API by other apps (which often mail
   * their own users) also get the receipt and updates; the citizen web app's always do.
   */
  receipts_for_api: boolean;
  /** Hours after a closing before "is it fixed?" is asked; 0: with the closing. */
  question_delay_hours: number;
  /** Days after a closing during which the reporter may reopen the request; 0: never. */
  reopen_window_days: number;
}

export const DEFAULT_REPORTER_SETTINGS: Omit<ReporterSettings, 'jurisdiction_id'> = {
  receipts_for_api: false,
  question_delay_hours: 0,
  reopen_window_days: 30,
};

/** A request whose reporter gets mail about it. */
export interface ReporterEnrollment {
  jurisdiction_id: string;
  request_id: string;
  /** The language of the form they reported with. */
  locale: string | null;
  enrolled_at: number;
}

/** "Is it fixed?" for one closing (a `closed` change of the change feed). */
export interface ReporterQuestion {
  change_id: number;
  jurisdiction_id: string;
  request_id: string;
  closed_at: number;
  due_at: number;
  asked_at: number | null;
  answer: ReporterAnswer | null;
  answered_at: number | null;
}

/** A closing read from the change feed. */
export interface ReporterClosing {
  change_id: number;
  jurisdiction_id: string;
  request_id: string;
  at: number;
}

export interface ReporterStore {
  /** The jurisdiction's settings, the defaults when it has none saved. */
  settings(jurisdiction_id: string): Promise<ReporterSettings>;
  saveSettings(s: ReporterSettings, at: number): Promise<ReporterSettings>;
  /**
   * Marks the request's reporter as one who gets mail, in `locale`. False
   * when it was enrolled already (the first language stays) or is unknown.
   */
  enroll(e: Omit<ReporterEnrollment, 'enrolled_at'>, at: number): Promise<boolean>;
  enrollment(jurisdiction_id: string, request_id: string): Promise<ReporterEnrollment | undefined>;
  /** A new secret link for the request's reporter; only its hash is kept. A request may have several. */
  issueToken(jurisdiction_id: string, request_id: string, at: number, expires_at: number): Promise<string>;
  /** The request a live secret is for; undefined when unknown or expired. */
  findToken(secret: string, now: number): Promise<{ jurisdiction_id: string; request_id: string } | undefined>;
  /**
   * A question per closing of an enrolled request, due after the
   * jurisdiction's delay; closings seen before are skipped. Returns how many were new.
   */
  noteClosings(closings: readonly ReporterClosing[]): Promise<number>;
  /** Questions due by `now` and not asked yet, oldest first. */
  dueQuestions(now: number, limit: number): Promise<ReporterQuestion[]>;
  /** Marks a question asked (or dropped); false when it was marked before. */
  markAsked(change_id: number, at: number): Promise<boolean>;
  /** The newest question asked about the request. */
  latestQuestion(jurisdiction_id: string, request_id: string): Promise<ReporterQuestion | undefined>;
  /**
   * Stores a photo the reporter adds to their request (not one of the
   * request's own photos: an event links to it); its id, or undefined for an
   * unknown request. The public media route serves it by id like the others.
   */
  addPhoto(jurisdiction_id: string, request_id: string, photo: NewMedia, at: number): Promise<string | undefined>;
  /** Records the reporter's answer; false when that question was answered before. */
  answer(change_id: number, answer: ReporterAnswer, at: number): Promise<boolean>;
}
