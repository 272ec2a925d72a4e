// Upload forms (the publisher's "Add data" and "Replace data"): sends the file with
// XMLHttpRequest to show its progress, then goes where the server's answer went (the ingest
// report). Without JavaScript the same form posts normally. The form's first field is its CSRF
// token, which FormData keeps first, as the server requires.

function enhance(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLElement>('[data-app-upload-progress]');
  const bar = form.querySelector<HTMLProgressElement>('progress');
  const status = form.querySelector<HTMLElement>('[data-app-upload-status]');
  const button = form.querySelector<HTMLButtonElement>('button');
  if (!box || !bar || !status) return;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    box.hidden = false;
    if (button) button.disabled = true;
    status.textContent = 'Starting the upload…';

    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.floor((e.loaded / e.total) * 100);
      bar.value = percent;
      status.textContent =
        percent < 100 ? `${String(percent)}% uploaded` : 'Uploaded. Checking the file…';
    });

    xhr.addEventListener('load', () => {
      if (xhr.status < 400 && xhr.responseURL) {
        window.location.assign(xhr.responseURL);
        return;
      }
      showAnswer(xhr.responseText);
    });

    xhr.addEventListener('error', () => {
      status.textContent = 'The upload failed. Check your connection and try again.';
      if (button) button.disabled = false;
    });

    xhr.send(new FormData(form));
  });
}

/** Shows the server's page (the form with its errors) in place of this one's main content. */
function showAnswer(html: string): void {
  const answer = new DOMParser().parseFromString(html, 'text/html');
  const main = document.querySelector('main');
  const next = answer.querySelector('main');
  if (!main || !next) {
    window.location.reload();
    return;
  }
  main.replaceWith(document.importNode(next, true));
  document.title = answer.title;
  const form = document.querySelector<HTMLFormElement>('form[data-app-upload]');
  if (form) enhance(form);
  document.querySelector<HTMLElement>('.govuk-error-summary')?.focus();
}

const form = document.querySelector<HTMLFormElement>('form[data-app-upload]');
if (form) enhance(form);
