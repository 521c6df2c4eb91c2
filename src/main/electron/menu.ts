import { Menu, type MenuItemConstructorOptions } from 'electron';

/** The menu; the developer tools only while developing, never in an installed app. */
export function setApplicationMenu(development: boolean): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Normal storlek' },
    { role: 'zoomIn', label: 'Zooma in' },
    { role: 'zoomOut', label: 'Zooma ut' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Helskärm' },
    ...(development ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
  ];
  const template: MenuItemConstructorOptions[] = [
    { role: 'fileMenu', label: 'Arkiv' },
    { role: 'editMenu', label: 'Redigera' },
    { label: 'Visa', submenu: view },
    { role: 'windowMenu', label: 'Fönster' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
