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
    try {
      await navigator.clipboard.writeText(button.dataset.copyLink);
      if (status) status.textContent = button.dataset.copied;
    } catch {
      if (status) status.textContent = button.dataset.copyFailed;
    }
  });
}
