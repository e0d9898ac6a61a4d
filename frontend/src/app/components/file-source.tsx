/**
 * Where the comparison views fetch a record's files from: the cloud's record files by default,
 * or the files of a reviewer link on the pages read through one (where the plain paths are 404).
 */
import { createContext, useContext } from 'react';
import type { Download, DownloadOptions } from '@reprise/sdk';
import { cloud } from '../api/client';

/** How to reach a file of a record (by name, sha256 or file id): its URL, and a download. */
export interface FileSource {
  url: (record: string, file: string) => string;
  download: (record: string, file: string, options: DownloadOptions) => Promise<Download>;
}

const recordFiles: FileSource = {
  url: (record, file) => cloud.records.fileUrl(record, file),
  download: (record, file, options) => cloud.records.file(record, file, options),
};

/** Provides another file source to the views below it (a reviewer link's). */
export const FileSourceContext = createContext<FileSource>(recordFiles);

/** The file source of the current view. */
export function useFileSource(): FileSource {
  return useContext(FileSourceContext);
}
