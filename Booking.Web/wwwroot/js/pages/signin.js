import { api, session } from '../api.js';
import { $ } from '../dom.js';
import { busy, initPage, showProblem } from '../layout.js';
import { tabs } from '../tabs.js';

/** Where to go after signing in: a path of this site only. */
function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

await initPage({ live: false });

tabs($('[role="tablist"]'), (tab) => {
  $('#panel-signin').hidden = tab.id !== 'tab-signin';
  $('#panel-signup').hidden = tab.id !== 'tab-signup';
});

const signInForm = $('[data-signin]');
signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const slot = $('[data-error]', signInForm);
  await busy(event.submitter, async () => {
    try {
      await session.signIn(signInForm.email.value.trim(), signInForm.password.value);
      location.href = nextPage();
    } catch (error) {
      showProblem(error, { form: signInForm, slot });
    }
  });
});

const signUpForm = $('[data-signup]');
signUpForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const slot = $('[data-error]', signUpForm);
  const body = {
    firstName: signUpForm.firstName.value.trim(),
    lastName: signUpForm.lastName.value.trim(),
    email: signUpForm.email.value.trim(),
    password: signUpForm.password.value,
  };
  await busy(event.submitter, async () => {
    try {
      await api('/api/v1/auth/register', { method: 'POST', body, auth: false });
      await session.signIn(body.email, body.password);
      location.href = nextPage();
    } catch (error) {
      showProblem(error, { form: signUpForm, slot });
    }
  });
});
