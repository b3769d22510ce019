// Queries a reader of the bundled notes would type, each with the line (named by its text; for show, the section) it must find.
// Written from the notes, not from the ranking: a failure here is a ranking to fix, not an expectation to move.
import { describe, expect, test } from '@jest/globals';
import { resolveQuery } from '../src/core/query/resolve.js';
import { searchIndex } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import { bundledCollection, bundledLine } from './helpers/notes.js';

const notes = bundledCollection();
const topLines = (query: string, within?: string): number[] =>
  searchIndex(notes, blockCutter)
    .search(query, { within, limit: 3 })
    .map((hit) => hit.block.line);

describe('search: the line must be in the top 3', () => {
  test.each([
    // single words
    ['alertmanager', undefined, 'Alertmanager'],
    ['trivy', undefined, 'Containers: trivy'],
    ['casbin', undefined, 'Powered by Casbin (casbin.org)'],
    ['soundcloud', undefined, 'Started at SoundCloud in 2012'],
    ['kustomize', undefined, 'kustomize'],
    ['kuberc', undefined, 'implementing a `kuberc` file for configuring kubectl'],
    ['okta', undefined, 'Works out of the box with providers like Auth0, Okta, Azure Idp, etc'],
    // phrases
    ['service discovery', undefined, 'Service Discovery Integration'],
    ['sql injection', undefined, 'Static code analysis detects an problem (sql injection vulnerability)'],
    ['unix domain sockets', undefined, 'Secure - uses unix domain sockets'],
    ['native histograms', undefined, 'Support for native histograms (v2.40)'],
    ['artifact hub', undefined, 'Artifact Hub created to replace Helm Hub'],
    ['why argo workflows', undefined, 'Why Argo workflows?'],
    ['branch protection rules', undefined, 'Branch protection rules'],
    ['tickets vs gitops', undefined, 'Tickets vs. GitOps'],
    ['artur souza', undefined, 'Artur Souza, Microsoft & Yaron Schneider, Diagrid'],
    ['grafana labs', undefined, 'Goutham Veeramachaneni & Ganesh Vernekar, Grafana Labs'],
    // words in any order
    ['kubectl colors', undefined, 'e.g. *Can we add colors to kubectl output?*'],
    ['pets cattle', undefined, 'still have clusters as pets'],
    ['lts support', undefined, 'Starting in v2.37, LTS support added (6+ months)'],
    ['inner loop velocity', undefined, '50% improvement in dev inner-loop velocity'],
    ['dependabot prs', undefined, 'Automatic PRs created by Dependabot'],
    ['rbac permissions', undefined, 'Adds a new team (`team-a.yaml`) with RBAC permissions'],
    // typos: the reader's, and the notes' own
    ['memoisation', undefined, 'Memoization and caching support'],
    ['kubernetes enhancment', undefined, '### KEP (Kubernetes Enhancement Proposal)'],
    ['alertmanger', undefined, 'Alertmanager'],
    ['promethues pull based', undefined, 'Prometheus uses a pull-based system to gather metrics/data'],
    ['graduation route', undefined, 'Can it follow standard graudation route (alpha --> beta --> GA)'],
    ['existing infrastructure', undefined, 'Dapr integrates with your existing infrastucture'],
    // punctuation taken literally
    ['sum by(path)', undefined, 'sum by(path) (rate(http_requests_total{status="500"}[5m])) /'],
    ['v2.39', undefined, 'Support for out-of-order time series (v2.39)'],
    ['non-container', undefined, 'Lots of non-container based resources/services'],
    ['1M+ samples/sec', undefined, '1M+ samples/sec'],
    ['http_requests_total', undefined, 'sum(rate(http_requests_total{status="500"}[5m])) /'],
    ['team-a.yaml', undefined, 'Adds a new team (`team-a.yaml`) with RBAC permissions'],
    // words across the block and its section path or label
    ['helm oci registries', undefined, 'Push charts to container registries (Any OCI registries that supports artifacts)'],
    ['dapr go plugin', undefined, 'No Go plugin support (intentional)'],
    ['helm releases per year', undefined, 'Minor releases 3 times per year'],
    ['intuit 2013 cloud', undefined, '2013 - deciced all-in on cloud'],
    // scoped with --in
    ['scanning', 'takeaways', 'Automate testing and scanning before merge'],
    ['developer experience', 'takeaways', 'Focus on improving developer experience'],
    ['feedback', 'takeaways', 'Provide feedback'],
    ['ui slowness', 'problems', 'UI slowness'],
    ['remote storage', 'prometheus', 'Forwards data to remote storage'],
  ] as Array<[string, string | undefined, string]>)('%s (--in %s) finds the line that holds: %s', (query, within, text) => {
    expect(topLines(query, within)).toContain(bundledLine(text));
  });
});

describe('show: the query must resolve to the section', () => {
  test.each([
    ['prometheus alert', '7.6 Alert'],
    ['securty scaning', '2.2 Security Scanning'],
    ['helm developer tools', '6.7 Developer Tools'],
    ['whats next', "3.9 What's Next"],
    ['kep', '8.1 KEP (Kubernetes Enhancement Proposal)'],
    ['remote write', '7.9 Remote Write Receiver'],
    ['feature lifecycle', '8 Understanding the Feature Lifecycle In Kubernetes'],
    ['dapr components', '1.2 Dapr Components'],
    ['salesforce', '4 How Salesforce Is Moving From Spinnaker To Argo Workflows For Provisioning Add-Ons'],
    ['argoproj hands on', '5.3 Hands-On'],
    ['cello', '3.6 Solution: Cello'],
    ['intuit journey', "3.2 Intuit's journey"],
    ['helm stable', '6.3 Helm is Stable Software'],
    ['chart storag', '6.5 Chart Storage'],
    ['prometheus efficiency', '7.7 Efficiency'],
    ['why so much discussion', '8.3 Why so much discussion?'],
  ])('show %s → %s', (query, section) => {
    expect(resolveQuery(notes, query, { first: true }).map((s) => `${s.number} ${s.title}`)).toEqual([section]);
  });
});
