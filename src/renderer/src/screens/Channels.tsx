import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginState, Platform } from '../../../shared/channel';
import type { RegisteredChannel } from '../../../shared/register';
import { api } from '../api';
import { ChannelForm } from '../components/channels/ChannelForm';
import { ChannelTable } from '../components/channels/ChannelTable';
import { ExportPanel } from '../components/channels/ExportPanel';
import { ImportPanel } from '../components/channels/ImportPanel';
import { LoginPanel } from '../components/channels/LoginPanel';
import { MineFilter } from '../components/channels/MineFilter';
import { useApi } from '../hooks/useApi';
import { isMine, useMyName } from '../hooks/useMyName';
import { ErrorNotice } from '../components/common/ErrorNotice';

/** The channel register: the table, logins, the add/edit form and the import. */
export function Channels() {
  const { t } = useTranslation();
  const channels = useApi(() => api.listChannels(), []);
  const catalogue = useApi(() => api.listSnapshots(), []);
  const loginStatus = useApi(() => api.getLoginStatus(), []);
  const [logins, setLogins] = useState<Record<Platform, LoginState> | null>(null);
  useEffect(() => setLogins(loginStatus.value), [loginStatus.value]);
  const info = useApi(() => api.getRegisterInfo(), []);
  const [editing, setEditing] = useState<{ channel: RegisteredChannel; closing: boolean } | null>(null);
  const [notice, setNotice] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const [onlyMine, setOnlyMine] = useState(false);
  const [myName, setMyName] = useMyName();
  const shown = (channels.value ?? []).filter((c) => !onlyMine || isMine(c, myName));
  const moved = info.value?.moved;

  const edit = (channel: RegisteredChannel, closing = false) => {
    setEditing({ channel, closing });
    setNotice('');
    setWarnings([]);
    document.getElementById('add-heading')?.scrollIntoView();
  };
  const saved = (text: string, saidWarnings: string[] = []) => {
    setNotice(text);
    setWarnings(saidWarnings);
    setEditing(null);
    void channels.reload();
  };
  const failure = channels.error ?? catalogue.error;

  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">{t('channels.heading')}</h2>
      {moved && (
        <p role="status" className="notice">
          {t('channels.moved', { count: moved.added.length + moved.alreadyThere.length, file: info.value!.file })}
          {moved.alreadyThere.length > 0 && ` ${t('channels.movedAlready', { count: moved.alreadyThere.length, ids: moved.alreadyThere.join(', ') })}`}
        </p>
      )}
      {info.value && !moved && <p className="muted">{t('channels.shared', { file: info.value.file })}</p>}
      {notice && <p role="status" className="notice">{notice}</p>}
      {warnings.length > 0 && <ul className="warning" aria-label={t('channels.warnings')}>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
      <ErrorNotice error={failure} />
      <MineFilter id="channels-mine" only={onlyMine} onOnly={setOnlyMine} name={myName} onName={setMyName} />
      {channels.value === null ? !channels.error && <p>{t('loading')}</p> : onlyMine && shown.length === 0 && channels.value.length > 0 ? <p>{t('channels.noneMine')}</p> : <ChannelTable channels={shown} catalogue={catalogue.value} logins={logins} onEdit={edit} />}
      <LoginPanel logins={logins} error={loginStatus.error} onChange={setLogins} />
      <ChannelForm key={editing ? `${editing.channel.id}-${editing.channel.version}-${editing.closing}` : 'new'} editing={editing?.channel ?? null} closing={editing?.closing} onSaved={saved} onCancel={() => setEditing(null)} onSnapshot={() => void catalogue.reload()} onStale={() => void channels.reload()} />
      <ExportPanel />
      <ImportPanel onImported={(count) => saved(t('channels.imported', { count }))} />
    </section>
  );
}
