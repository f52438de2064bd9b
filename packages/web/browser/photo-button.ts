/**
 * The photo input with JavaScript: a button-like label in place of the native
 * control, whose "No file chosen" would sit beside the previews (the input
 * stays in the page, visually hidden, so the label and the keyboard reach
 * it), and the photo messages said next to the photos.
 */
export function showPhotoButton(input: HTMLInputElement): void {
  const button = document.getElementById('photo-button');
  if (!button) return;
  button.hidden = false;
  input.classList.add('file-input-hidden');
}

/** Says `text` in the page's #photo-status (server-rendered after the previews). */
export function photoStatus(): (text: string) => void {
  return (text: string) => {
    const status = document.getElementById('photo-status');
    if (status) status.textContent = text;
  };
}
