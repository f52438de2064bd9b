/**
 * The inbox's folded filters and saved filters (<details data-open-wide>)
 * start open where the layout has room for them beside the requests, and
 * fold again if the window narrows to a phone's width.
 */
const wide = window.matchMedia('(min-width: 60rem)');

function fit(): void {
  for (const fold of document.querySelectorAll<HTMLDetailsElement>('details[data-open-wide]')) {
    // A fold holding an error stays open whatever the width.
    if (fold.querySelector('[aria-invalid="true"]')) continue;
    fold.open = wide.matches;
  }
}

fit();
wide.addEventListener('change', fit);
