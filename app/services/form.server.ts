// Reads a posted form's text fields; a body that is not a form is the sender's mistake (400), never a 500.
const NOT_A_FORM = 'We could not read that form. Please reload the page and try again.';

export async function readForm(request: Request): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response(NOT_A_FORM, { status: 400 });
  }
  return Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
