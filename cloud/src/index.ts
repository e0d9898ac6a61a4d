export { createCloudApp } from './app.js';
