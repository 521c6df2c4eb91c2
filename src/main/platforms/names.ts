/** Each platform as people write its name, in records, receipts and the public channel list ("Webbplats" for a website). */
export const PLATFORM_NAMES: Record<string, string> = {
  facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn', x: 'X', youtube: 'YouTube', tiktok: 'TikTok', bluesky: 'Bluesky', mastodon: 'Mastodon', threads: 'Threads', web: 'Webbplats',
};
