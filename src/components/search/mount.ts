// Mounts the search page. A plain module script rather than an Astro island: islands inject
// inline scripts and styles, which the strict CSP forbids.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import SearchApp, { type SearchAppProps } from './SearchApp.tsx';

const container = document.getElementById('search-app');
const props = container?.dataset.props;
if (container && props) {
  createRoot(container).render(createElement(SearchApp, JSON.parse(props) as SearchAppProps));
}
