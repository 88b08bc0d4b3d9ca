import './styles/app.css';
import { loadExpressionParser } from '@retort/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// Validation reads expressions with Postgres' parser, which loads once before the editor starts.
void loadExpressionParser().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
