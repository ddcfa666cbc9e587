// Progressive enhancement for release pages: reveals the Print and Copy link buttons.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
for (const button of document.querySelectorAll('[data-copy-link]')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const status = button.closest('.share')?.querySelector('.share-status');
    // Emptied first, so a second copy is announced again.
    const say = (text) => {
      if (!status) return;
      status.textContent = '';
      setTimeout(() => (status.textContent = text), 100);
    };
    try {
      await navigator.clipboard.writeText(button.dataset.copyLink);
      say(button.dataset.copied);
    } catch {
      say(button.dataset.copyFailed);
    }
  });
}
