// Sentences the enrollment pages show; shared so the server and the browser bundle say exactly the same.
export const CODE_SENT_MESSAGE = 'If these details match an account, we sent a code to the contacts on file.';
