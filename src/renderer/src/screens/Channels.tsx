import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, LoginState, Platform } from '../../../shared/channel';
import { api } from '../api';
import { ChannelForm } from '../components/channels/ChannelForm';
import { ChannelTable } from '../components/channels/ChannelTable';
import { ImportPanel } from '../components/channels/ImportPanel';
import { LoginPanel } from '../components/channels/LoginPanel';
import { useApi, useErrorText } from '../hooks/useApi';

/** The channel register: the table, logins, the add/edit form and the import. */
export function Channels() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const channels = useApi(() => api.listChannels(), []);
  const catalogue = useApi(() => api.listSnapshots(), []);
  const loginStatus = useApi(() => api.getLoginStatus(), []);
  const [logins, setLogins] = useState<Record<Platform, LoginState> | null>(null);
  useEffect(() => setLogins(loginStatus.value), [loginStatus.value]);
  const [editing, setEditing] = useState<Channel | null>(null);
  const [notice, setNotice] = useState('');

  const edit = (channel: Channel) => {
    setEditing(channel);
    setNotice('');
    document.getElementById('add-heading')?.scrollIntoView();
  };
  const saved = (text: string) => {
    setNotice(text);
    setEditing(null);
    void channels.reload();
  };
  const failure = channels.error ?? catalogue.error;

  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">{t('channels.heading')}</h2>
      {notice && <p role="status" className="notice">{notice}</p>}
      {failure && <p className="error" role="alert">{errorText(failure)}</p>}
      {channels.value === null ? !channels.error && <p>{t('loading')}</p> : <ChannelTable channels={channels.value} catalogue={catalogue.value} logins={logins} onEdit={edit} />}
      <LoginPanel logins={logins} error={loginStatus.error} onChange={setLogins} />
      <ChannelForm key={editing?.id ?? 'new'} editing={editing} onSaved={saved} onCancel={() => setEditing(null)} onSnapshot={() => void catalogue.reload()} />
      <ImportPanel onImported={(count) => { setNotice(t('channels.imported', { count })); void channels.reload(); }} />
    </section>
  );
}
