/** The platforms Kanalarkiv knows how to capture; `web` is any other public page. */
export const PLATFORMS = ['facebook', 'instagram', 'linkedin', 'x', 'youtube', 'tiktok', 'bluesky', 'mastodon', 'threads', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A platform's login, as the app shows it next to the platform and its channels. */
export interface LoginState {
  /** A login profile is saved for the platform. */
  loggedIn: boolean;
  /** Without a login the platform shows only part of a channel, so a complete snapshot needs one. */
  needed: boolean;
}

/** One entry in the channel register: an account the municipality runs. */
export interface Channel {
  id: string;
  name: string;
  platform: Platform;
  url: string;
  unit: string;
  owners: string[];
  pageOwner: string;
  notes: string;
  active: boolean;
  /** Capture every this many months instead of in the rounds (busy channels); absent = follow the rounds. */
  intervalMonths?: number;
}
