// ARIA tabs: click or arrow keys move between tabs; only the selected tab is in the tab order.

export function tabs(list, onSelect) {
  const all = [...list.querySelectorAll('[role="tab"]')];
  const select = (tab, focus) => {
    for (const other of all) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
    }
    if (focus) tab.focus();
    onSelect(tab);
  };
  for (const tab of all) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const index = all.indexOf(tab);
      const next = event.key === 'ArrowRight' ? all[(index + 1) % all.length]
        : event.key === 'ArrowLeft' ? all[(index - 1 + all.length) % all.length]
          : event.key === 'Home' ? all[0] : event.key === 'End' ? all[all.length - 1] : null;
      if (next) {
        event.preventDefault();
        select(next, true);
      }
    });
  }
  return { select: (tab) => select(tab, false) };
}
