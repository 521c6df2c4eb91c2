import { HandoverError } from '../errors';
import { refreshTokens, signIn, tokenUser, type OAuthConfig, type Tokens } from './oauth';
import type { PlatinaSignIn } from '../../../shared/handover';

/** Where the sign-in is kept: encrypted in the app, in memory only on the command line. */
export interface TokenKeeper {
  load(): Tokens | null;
  save(tokens: Tokens | null): void;
}

/** The registrar's sign-in to Platina: signs in, refreshes before the token runs out, and signs out. */
export class PlatinaSession {
  constructor(
    private readonly config: () => OAuthConfig,
    private readonly keeper: TokenKeeper,
    private readonly clock: () => number = Date.now,
  ) {}

  status(): PlatinaSignIn {
    const tokens = this.keeper.load();
    if (!tokens) return { signedIn: false, name: null, email: null };
    return { signedIn: true, ...tokenUser(tokens.accessToken) };
  }

  async signIn(openBrowser: (url: string) => Promise<void>, signal?: AbortSignal): Promise<PlatinaSignIn> {
    const tokens = await signIn(this.config(), openBrowser, signal);
    if (!tokenUser(tokens.accessToken).email) {
      throw new HandoverError('signed_out', 'The sign-in worked, but the token has no email claim, which Platina requires. Ask IT to add the optional "email" claim to the app registration.', { what: 'no_email_claim' });
    }
    this.keeper.save(tokens);
    return this.status();
  }

  signOut(): void {
    this.keeper.save(null);
  }

  /** A valid access token, refreshed a minute before it would run out. */
  async accessToken(): Promise<string> {
    const tokens = this.keeper.load();
    if (!tokens) throw new HandoverError('signed_out', 'You are not signed in to Platina. Sign in under Handover → Platina first.', { what: 'platina' });
    if (tokens.expiresAt - 60_000 > this.clock()) return tokens.accessToken;
    const fresh = await refreshTokens(this.config(), tokens);
    this.keeper.save(fresh);
    if (!fresh) throw new HandoverError('signed_out', 'The Platina sign-in has expired. Sign in again.', { what: 'platina' });
    return fresh.accessToken;
  }
}
