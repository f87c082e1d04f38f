import { prettyJson } from '../format';

/** A value as indented JSON, scrollable. */
export default function JsonView({ value }: { value: unknown }) {
  return <pre className="sigap-json">{prettyJson(value)}</pre>;
}
