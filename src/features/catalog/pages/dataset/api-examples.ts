export interface ApiExample {
  id: string;
  label: string;
  code: string;
}

interface QueryableResource {
  id: string;
  name: string;
  fields: string[];
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Code to read this dataset through the API, in curl, Python and JavaScript, from the real
 * endpoints and base URL; with a datastore-loaded resource, its query endpoint too.
 */
export function apiExamples(
  baseUrl: string,
  slug: string,
  queryable: QueryableResource | null,
): ApiExample[] {
  const datasetUrl = `${baseUrl}/api/v1/datasets/${slug}`;
  const queryUrl = queryable ? `${baseUrl}/api/v1/resources/${queryable.id}/query` : null;
  const body: Record<string, unknown> = { limit: 10 };
  const first = queryable?.fields[0];
  if (first) body.sort = [{ field: first, dir: 'asc' }];
  const json = JSON.stringify(body);

  const curl = [`# The dataset and its resources\ncurl ${quote(datasetUrl)}`];
  const python = [
    'import requests',
    '',
    `dataset = requests.get(${JSON.stringify(datasetUrl)}).json()`,
  ];
  python.push(
    'for resource in dataset["resources"]:',
    '    print(resource["name"], resource["url"])',
  );
  const js = [
    `const dataset = await (await fetch(${JSON.stringify(datasetUrl)})).json();`,
    'for (const resource of dataset.resources) console.log(resource.name, resource.url);',
  ];
  if (queryUrl && queryable) {
    curl.push(
      `# The first 10 rows of “${queryable.name}” (POST a JSON query)\ncurl -X POST ${quote(queryUrl)} \\\n  -H 'Content-Type: application/json' \\\n  -d ${quote(json)}`,
      `# The same query as a link\ncurl ${quote(`${queryUrl}?limit=10${first ? `&sort=${encodeURIComponent(first)}` : ''}`)}`,
    );
    python.push(
      '',
      `result = requests.post(${JSON.stringify(queryUrl)}, json=${json}).json()`,
      'print(result["total"], "rows")',
      'for record in result["records"]:',
      '    print(record)',
    );
    js.push(
      '',
      `const response = await fetch(${JSON.stringify(queryUrl)}, {`,
      "  method: 'POST',",
      "  headers: { 'Content-Type': 'application/json' },",
      `  body: JSON.stringify(${json}),`,
      '});',
      'const result = await response.json();',
      'console.log(result.total, result.records);',
    );
  }
  return [
    { id: 'curl', label: 'curl', code: curl.join('\n\n') },
    { id: 'python', label: 'Python', code: python.join('\n') },
    { id: 'javascript', label: 'JavaScript', code: js.join('\n') },
  ];
}
