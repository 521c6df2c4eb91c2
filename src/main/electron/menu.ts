import { Menu, type MenuItemConstructorOptions } from 'electron';

export function setApplicationMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    { role: 'fileMenu', label: 'Arkiv' },
    { role: 'editMenu', label: 'Redigera' },
    { role: 'viewMenu', label: 'Visa' },
    { role: 'windowMenu', label: 'Fönster' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
