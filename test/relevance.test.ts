// Queries a reader of the bundled notes would type, each with the line (for show, the section) it must find.
// Written from the notes, not from the ranking: a failure here is a ranking to fix, not an expectation to move.
import { describe, expect, test } from '@jest/globals';
import { resolveQuery } from '../src/core/query/resolve.js';
import { searchIndex } from '../src/core/query/search.js';
import { bundledCollection } from './helpers/notes.js';

const notes = bundledCollection();
const topLines = (query: string, within?: string): number[] =>
  searchIndex(notes).search(query, { within, limit: 3 }).map((hit) => hit.block.line);

describe('search: the line must be in the top 3', () => {
  test.each([
    // single words
    ['alertmanager', undefined, 631, 'Alertmanager'],
    ['trivy', undefined, 126, 'Containers: trivy'],
    ['casbin', undefined, 430, 'Powered by Casbin (casbin.org)'],
    ['soundcloud', undefined, 613, 'Started at SoundCloud in 2012 …'],
    ['kustomize', undefined, 409, 'kustomize'],
    ['kuberc', undefined, 765, '… implementing a `kuberc` file for configuring kubectl …'],
    ['okta', undefined, 425, 'Works out of the box with providers like Auth0, Okta, Azure Idp, etc'],
    // phrases
    ['service discovery', undefined, 638, 'Service Discovery Integration'],
    ['sql injection', undefined, 150, '… Static code analysis detects an problem (sql injection vulnerability)'],
    ['unix domain sockets', undefined, 55, 'Secure - uses unix domain sockets'],
    ['native histograms', undefined, 691, 'Support for native histograms (v2.40)'],
    ['artifact hub', undefined, 550, 'Artifact Hub created to replace Helm Hub.'],
    ['why argo workflows', undefined, 326, 'Why Argo workflows?'],
    ['branch protection rules', undefined, 142, 'Branch protection rules'],
    ['tickets vs gitops', undefined, 387, 'Tickets vs. GitOps'],
    ['artur souza', undefined, 18, 'Presenters: Artur Souza, Microsoft & Yaron Schneider, Diagrid'],
    ['grafana labs', undefined, 598, 'Presenters: Goutham Veeramachaneni & Ganesh Vernekar, Grafana Labs'],
    // words in any order
    ['kubectl colors', undefined, 756, 'e.g. Can we add colors to kubectl output?'],
    ['pets cattle', undefined, 272, '… manage clusters as cattle … still have clusters as pets.'],
    ['lts support', undefined, 686, 'Starting in v2.37, LTS support added (6+ months)'],
    ['inner loop velocity', undefined, 341, '50% improvement in dev inner-loop velocity'],
    ['dependabot prs', undefined, 156, 'Automatic PRs created by Dependabot'],
    ['rbac permissions', undefined, 452, 'Adds a new team (`team-a.yaml`) with RBAC permissions'],
    // typos: the reader's, and the notes' own
    ['memoisation', undefined, 334, 'Memoization and caching support'],
    ['kubernetes enhancment', undefined, 712, '### KEP (Kubernetes Enhancement Proposal)'],
    ['alertmanger', undefined, 631, 'Alertmanager'],
    ['promethues pull based', undefined, 619, 'Prometheus uses a pull-based system to gather metrics/data.'],
    ['graduation route', undefined, 738, 'Can it follow standard graudation route (alpha --> beta --> GA)'],
    ['existing infrastructure', undefined, 40, 'Dapr integrates with your existing infrastucture.'],
    // punctuation taken literally
    ['sum by(path)', undefined, 656, '`sum by(path) (rate(http_requests_total{status="500"}[5m])) / …`'],
    ['v2.39', undefined, 690, 'Support for out-of-order time series (v2.39)'],
    ['non-container', undefined, 203, 'Lots of non-container based resources/services'],
    ['1M+ samples/sec', undefined, 665, '1M+ samples/sec'],
    ['http_requests_total', undefined, 653, '`sum(rate(http_requests_total{status="500"}[5m])) / …`'],
    ['team-a.yaml', undefined, 452, 'Adds a new team (`team-a.yaml`) with RBAC permissions'],
    // words across the block and its section path or label
    ['helm oci registries', undefined, 543, 'Helm › Chart Storage: Push charts to container registries (Any OCI registries …)'],
    ['dapr go plugin', undefined, 62, 'Dapr › Dapr Components › Plugins: No Go plugin support (intentional)'],
    ['helm releases per year', undefined, 485, 'Helm is Stable Software: Minor releases 3 times per year.'],
    ['intuit 2013 cloud', undefined, 195, "Intuit's journey: 2013 - deciced all-in on cloud"],
    // scoped with --in
    ['scanning', 'takeaways', 165, 'Takeaways (security talk): Automate testing and scanning before merge'],
    ['developer experience', 'takeaways', 357, 'Takeaways line (Salesforce): Focus on improving developer experience.'],
    ['feedback', 'takeaways', 776, 'Takeaways (feature lifecycle): … Provide feedback.'],
    ['ui slowness', 'problems', 303, 'Problems line (Salesforce): UI slowness'],
    ['remote storage', 'prometheus', 681, 'Agent Mode: Forwards data to remote storage.'],
  ] as Array<[string, string | undefined, number, string]>)('%s (--in %s) finds line %d: %s', (query, within, line) => {
    expect(topLines(query, within)).toContain(line);
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
