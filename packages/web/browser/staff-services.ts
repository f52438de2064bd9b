/**
 * Service editor: the "values" box of a question is shown only for list
 * datatypes, following its datatype select. Without JavaScript every box is
 * shown (the server ignores values of other datatypes).
 */
const LIST_DATATYPES = ['singlevaluelist', 'multivaluelist'];

function follow(select: HTMLSelectElement): void {
  const block = document.getElementById(select.dataset.valuesToggle ?? '');
  if (block) block.hidden = !LIST_DATATYPES.includes(select.value);
}

document.querySelectorAll<HTMLSelectElement>('select[data-values-toggle]').forEach((select) => {
  follow(select);
  select.addEventListener('change', () => follow(select));
});

export {};
