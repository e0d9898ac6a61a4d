/** What a container version carries beyond its image: the SIF image's own metadata and the build recipe. */
import type { Container } from '@reprise/sdk';
import { formatBytes, formatDate } from '../lib/format';
import { CodeBlock } from './ui';

type Sif = NonNullable<NonNullable<Container['image']>['sif']>;

function SifMetadata({ sif }: { sif: Sif }) {
  if (!sif.readable) {
    return (
      <p className="muted small sif-problem" data-testid="sif-unreadable">
        Not readable as a SIF image ({sif.problem ?? 'unknown reason'}); the image is kept, without its metadata.
      </p>
    );
  }
  const facts = [`SIF ${sif.version ?? '?'}`, sif.arch, sif.created ? `built ${formatDate(sif.created)}` : null].filter(Boolean).join(' · ');
  return (
    <div className="sif" data-testid="sif-metadata">
      <p className="small">{facts}</p>
      {sif.problem ? <p className="muted small">{sif.problem}</p> : null}
      <details className="details">
        <summary>Labels ({sif.labels.length})</summary>
        {sif.labels.length === 0 ? (
          <p className="muted small">The image carries no labels.</p>
        ) : (
          <dl className="fields fields-compact">
            {sif.labels.map((label, index) => (
              <div className="field-row" key={`${index}/${label.name}`}>
                <dt className="break mono">{label.name}</dt>
                <dd className="break">{label.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </details>
      <details className="details">
        <summary>Data objects ({sif.descriptors.length})</summary>
        <ul className="plain-list small">
          {sif.descriptors.map((descriptor) => (
            <li key={descriptor.id}>
              <span className="mono">{descriptor.type}</span>
              {descriptor.name ? <> “<span className="break">{descriptor.name}</span>”</> : null} · {formatBytes(descriptor.size)}
              {descriptor.fs ? ` · ${[descriptor.fs, descriptor.partition, descriptor.arch].filter(Boolean).join(', ')}` : null}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** The SIF metadata and build recipe of a container version, when it has them. */
export function ContainerDetails({ container }: { container: Container }) {
  const sif = container.image?.sif ?? null;
  const recipe = container.recipe;
  if (!sif && !recipe) return null;
  const recipeName = recipe?.name ?? (/^(singularity|apptainer)$/i.test(container.system) ? 'definition file' : 'Dockerfile');
  return (
    <div className="container-details">
      {sif ? <SifMetadata sif={sif} /> : null}
      {recipe ? (
        <details className="details" data-testid="container-recipe">
          <summary>Build recipe ({recipeName})</summary>
          <CodeBlock code={recipe.text} label="build recipe" />
        </details>
      ) : null}
    </div>
  );
}
