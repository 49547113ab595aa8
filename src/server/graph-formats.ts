/**
 * A picture of the graph (nodes and weighted edges with a few columns) written as GraphML, GEXF 1.3
 * (what Gephi opens) or CSV (a nodes table or an edges table, with the column names Gephi's
 * spreadsheet import expects: Id, Label; Source, Target, Weight).
 */

export type Value = string | number | boolean | null;

export interface Column {
  name: string;
  type: 'string' | 'int' | 'double' | 'boolean';
}

export interface GraphNode {
  id: string;
  label: string;
  values: Record<string, Value>;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
  label: string | null;
  values: Record<string, Value>;
}

export interface ExportGraph {
  /** What the picture shows, for the file's description: "network around Sergei Lavrov". */
  title: string;
  nodeColumns: Column[];
  edgeColumns: Column[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

function xml(text: string): string {
  // Characters XML 1.0 does not allow at all are dropped; the five special ones escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const GRAPHML_TYPES: Record<Column['type'], string> = { string: 'string', int: 'int', double: 'double', boolean: 'boolean' };

export function toGraphML(graph: ExportGraph): string {
  const keys = [
    `  <key id="label" for="node" attr.name="label" attr.type="string"/>`,
    ...graph.nodeColumns.map((c) => `  <key id="n_${xml(c.name)}" for="node" attr.name="${xml(c.name)}" attr.type="${GRAPHML_TYPES[c.type]}"/>`),
    `  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>`,
    `  <key id="edge_label" for="edge" attr.name="label" attr.type="string"/>`,
    ...graph.edgeColumns.map((c) => `  <key id="e_${xml(c.name)}" for="edge" attr.name="${xml(c.name)}" attr.type="${GRAPHML_TYPES[c.type]}"/>`),
  ];
  const data = (prefix: string, columns: Column[], values: Record<string, Value>) =>
    columns
      .filter((c) => values[c.name] != null)
      .map((c) => `<data key="${prefix}${xml(c.name)}">${xml(String(values[c.name]))}</data>`)
      .join('');
  const nodes = graph.nodes.map((n) => `    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data>${data('n_', graph.nodeColumns, n.values)}</node>`);
  const edges = graph.edges.map(
    (e, i) =>
      `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="weight">${e.weight}</data>` +
      `${e.label != null ? `<data key="edge_label">${xml(e.label)}</data>` : ''}${data('e_', graph.edgeColumns, e.values)}</edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xml(graph.title)}</desc>`,
    ...keys,
    '  <graph id="G" edgedefault="undirected">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

const GEXF_TYPES: Record<Column['type'], string> = { string: 'string', int: 'integer', double: 'double', boolean: 'boolean' };

export function toGEXF(graph: ExportGraph, now: Date = new Date()): string {
  const attributes = (kind: 'node' | 'edge', columns: Column[]) => [
    `    <attributes class="${kind}">`,
    ...columns.map((c, i) => `      <attribute id="${i}" title="${xml(c.name)}" type="${GEXF_TYPES[c.type]}"/>`),
    '    </attributes>',
  ];
  const values = (columns: Column[], row: Record<string, Value>) => {
    const set = columns.map((c, i) => (row[c.name] != null ? `<attvalue for="${i}" value="${xml(String(row[c.name]))}"/>` : '')).join('');
    return set ? `<attvalues>${set}</attvalues>` : '';
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${now.toISOString().slice(0, 10)}"><creator>newsgraph</creator><description>${xml(graph.title)}</description></meta>`,
    '  <graph defaultedgetype="undirected" mode="static">',
    ...attributes('node', graph.nodeColumns),
    ...attributes('edge', graph.edgeColumns),
    '    <nodes>',
    ...graph.nodes.map((n) => `      <node id="${xml(n.id)}" label="${xml(n.label)}">${values(graph.nodeColumns, n.values)}</node>`),
    '    </nodes>',
    '    <edges>',
    ...graph.edges.map(
      (e, i) =>
        `      <edge id="${i}" source="${xml(e.source)}" target="${xml(e.target)}" weight="${e.weight}"${e.label != null ? ` label="${xml(e.label)}"` : ''}>` +
        `${values(graph.edgeColumns, e.values)}</edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

/**
 * One CSV field. Text a spreadsheet would take as a formula (=, +, -, @ first: names come from
 * articles, which anyone may write) starts with an apostrophe, as OWASP advises.
 */
function csvField(value: Value): string {
  if (value == null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: Value[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export type CsvPart = 'nodes' | 'edges';

export function toCSV(graph: ExportGraph, part: CsvPart): string {
  if (part === 'nodes') {
    return csv(
      ['Id', 'Label', ...graph.nodeColumns.map((c) => c.name)],
      graph.nodes.map((n) => [n.id, n.label, ...graph.nodeColumns.map((c) => n.values[c.name] ?? null)]),
    );
  }
  return csv(
    ['Source', 'Target', 'Weight', 'Label', ...graph.edgeColumns.map((c) => c.name)],
    graph.edges.map((e) => [e.source, e.target, e.weight, e.label, ...graph.edgeColumns.map((c) => e.values[c.name] ?? null)]),
  );
}
