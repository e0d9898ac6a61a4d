/** Sign in and sign up. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '@reprise/sdk';
import { useMe, useSession } from '../api/hooks';
import { Logo } from '../components/icons';
import { Field, FormMessage, Spinner } from '../components/ui';
import { useTitle } from '../lib/title';

/** Only paths of this app may be a place to return to (no open redirect). */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** The error of one field when the server named it (`details.field`). */
function fieldOf(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const details = error.details as { field?: unknown } | undefined;
  return typeof details?.field === 'string' ? details.field : undefined;
}

function AuthFrame({ title, subtitle, children, footer }: { title: string; subtitle: string; children: ReactNode; footer: ReactNode }) {
  return (
    <div className="auth">
      <div className="auth-card">
        <div className="auth-logo">
          <Logo size={40} />
        </div>
        <h1>{title}</h1>
        <p className="muted auth-subtitle">{subtitle}</p>
        {children}
      </div>
      <p className="auth-footer">{footer}</p>
    </div>
  );
}

/** Sign in with email and password. */
export function SignInPage() {
  useTitle('Sign in');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  if (me.data) return <Navigate to={next} replace />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => void navigate(next, { replace: true }) });
  };
  return (
    <AuthFrame
      title="Sign in to Reprise"
      subtitle="Your projects, records and diff requests."
      footer={
        <>
          New here? <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
        </>
      }
    >
      <form className="form" onSubmit={submit} noValidate>
        <label className="label">
          Email
          <input className="input" type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} autoFocus />
        </label>
        <label className="label">
          Password
          <input className="input" type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        <FormMessage error={signIn.error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={signIn.isPending || !email || !password}>
          {signIn.isPending ? <Spinner label="Signing in" /> : null} Sign in
        </button>
      </form>
    </AuthFrame>
  );
}

/** Create an account (and sign in). */
export function SignUpPage() {
  useTitle('Sign up');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const { signUp } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  if (me.data && !signUp.isSuccess) return <Navigate to={next} replace />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate({ name: name.trim(), email: email.trim(), password }, { onSuccess: () => void navigate(next === '/' ? '/account?welcome=1' : next, { replace: true }) });
  };
  const field = fieldOf(signUp.error);
  return (
    <AuthFrame
      title="Create your account"
      subtitle="Push records from your tools, compare runs, and ask others to confirm them."
      footer={
        <>
          Already have an account? <Link to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>
        </>
      }
    >
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Name" hint="The name others see on your projects and requests.">
          {(ids) => <input {...ids} className="input" name="name" autoComplete="name" required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} autoFocus placeholder="Ada Lovelace" />}
        </Field>
        <label className="label">
          Email
          <input className={`input ${field === 'email' ? 'input-invalid' : ''}`} type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} placeholder="ada@example.org" />
        </label>
        <Field label="Password" hint="At least 10 characters; not your email or name.">
          {(ids) => (
            <input
              {...ids}
              className={`input ${field === 'password' ? 'input-invalid' : ''}`}
              type="password"
              name="password"
              autoComplete="new-password"
              required
              minLength={10}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <FormMessage error={signUp.error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={signUp.isPending || !name.trim() || !email.trim() || !password}>
          {signUp.isPending ? <Spinner label="Creating the account" /> : null} Create account
        </button>
      </form>
    </AuthFrame>
  );
}
