/**
 * Generated from openapi.yaml by `npm run gen:types`. Do not edit: change openapi.yaml instead.
 */

export interface paths {
    "/api/v1/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI document */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/project/pull/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Project metadata, container history and record counts */
        get: operations["pullProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/project/push/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update one of the caller's projects
         * @description Creates the project `{project}` in the caller's namespace when it does not exist (201), or
         *     updates the fields the body names (200). A new project is **private** unless the body says
         *     `"private": false`.
         */
        post: operations["pushProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/container/push/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push a container version and append it to the project's history
         * @description Send JSON for a container whose image lives in a registry (`image.reference` +
         *     `image.digest`), or `multipart/form-data` with the metadata as a JSON string in the field
         *     `metadata` and the image file (for example the output of `docker save`) in the field
         *     `image`. The upload streams to storage with its sha256 computed on the way; when
         *     `metadata.image.sha256` is given it must match the bytes (422 otherwise, nothing kept).
         *     Records pushed afterwards use this container unless they name another one.
         */
        post: operations["pushContainer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/record/push/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a record
         * @description Creates a record in one of the caller's projects. The record runs in the container named by
         *     `container`, or else in the last container of the project's history at this moment. Without
         *     a `label`, a timestamp label is given. Labels are unique per project (409).
         *     Inputs and outputs may be declared here with their digests and uploaded later with
         *     `file/push`.
         */
        post: operations["createRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/record/push/{project}/{record}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update a record (status, outputs, logs, …)
         * @description Changes the fields the body names; the others stay. `inputs` and `outputs` are merged by
         *     `name`: an entry with a known name replaces it, a new name is appended. `tags` replaces the
         *     tag list. A status may only move forward (started → running ⇄ paused → finished, crashed or
         *     aborted); sending the current status again is allowed, going back is a 422.
         */
        post: operations["updateRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/file/push/{project}/{record}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach input and output files to a record
         * @description `multipart/form-data` with files in the fields `inputs` and `outputs` (each repeatable).
         *     The file's name in the multipart part becomes the entry's `name` unless the optional
         *     `manifest` field (JSON text, sent **before** the files) says otherwise; the manifest can also
         *     give each file a relative `path`, a `mediaType` and the `sha256` the client computed, which
         *     must match the bytes (422 otherwise, and nothing of the request is kept). Identical content
         *     is stored once. An entry with the same name as an existing input/output replaces it.
         */
        post: operations["pushFiles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/record/pull/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the container image of the project's latest record */
        get: operations["pullLatestRecordImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/record/pull/{project}/{record}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the container image a record ran in
         * @description Streams the image file of the record's container with `Content-Length`, an `ETag` (its
         *     sha256) and `Range` support. A container that only names a registry image has no file here:
         *     that is a 404 whose `details` give the reference and digest to pull from the registry.
         */
        get: operations["pullRecordImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/record/display/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's records, newest first */
        get: operations["listRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/record/display/{project}/{record}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One record's metadata */
        get: operations["displayRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/file/pull/{project}/{record}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an input or output file of a record
         * @description `{file}` is the name of one of the record's inputs or outputs, or its sha256, or its file id.
         *     Only files attached to this record can be fetched through it.
         */
        get: operations["pullFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/project/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the caller's own and all public projects
         * @description Matches `q` (case-insensitive) in name, description, goals and tags; most recently active first.
         */
        get: operations["searchProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/record/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the caller's own and all public records
         * @description Matches `q` (case-insensitive) in label, reason, outcome and tags; newest first.
         */
        get: operations["searchRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sumatra": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sumatra store — the caller's projects
         * @description Sumatra's `list_projects` (`smt sync` with two stores). Every project of the caller's,
         *     most recently active first; Sumatra reads only `id`.
         */
        get: operations["listSumatraProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sumatra/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sumatra store — a project and the URLs of its records
         * @description Sumatra's `has_project`, `project_info` and `list`. `records` holds the **absolute** URL of
         *     every Sumatra record of the project (no paging), on the scheme and host the request used,
         *     newest first by Sumatra's timestamp. With `?tags=a,b` only records carrying every one of
         *     the tags (AND; status tags such as `_finished_` included). A project the caller does not
         *     have is a 404, which Sumatra takes as "create it".
         */
        get: operations["getSumatraProject"];
        /**
         * Sumatra store — create or describe a project
         * @description Sumatra's `create_project` (which requires **201**) and `update_project_info` (which requires
         *     **200**). Creates the caller's **private** project `{project}` when it does not exist; the
         *     name must follow Reprise's rule (letters, digits, ".", "_", "-"; 1 to 100 characters), else
         *     a 400 says why. `description` updates the project's description; `name`, Sumatra's long
         *     name, is kept in the project's `custom.sumatra.name`.
         */
        put: operations["putSumatraProject"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sumatra/{project}/last": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sumatra store — the newest record
         * @description Sumatra's `most_recent` (after every `smt delete`). The record with the latest Sumatra
         *     timestamp (compared as times, whatever their offsets), or a 404 when there is none.
         */
        get: operations["getLatestSumatraRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sumatra/{project}/tag/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sumatra store — delete every record carrying a tag
         * @description Sumatra's `delete_by_tag` (`smt delete --tag`). Deletes the project's Sumatra records that
         *     carry the tag and answers **200** with the number deleted as a bare integer, which Sumatra
         *     reads with `int()`. The records are really deleted; files they referenced stay in the file
         *     store for a later sweep.
         */
        delete: operations["deleteSumatraRecordsByTag"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sumatra/{project}/{label}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project name in the caller's namespace (Sumatra's project name).
                 * @example dla
                 */
                project: components["parameters"]["sumatraProject"];
                /**
                 * @description A record label; may contain "/" and ":" (sent as they are or percent-encoded).
                 * @example 20261122-071323
                 */
                label: components["parameters"]["sumatraLabel"];
            };
            cookie?: never;
        };
        /**
         * Sumatra store — one record
         * @description Sumatra's `get`. The record exactly as Sumatra stored it: every string (timestamps,
         *     digests, output, diff) byte for byte, keys in their order, numbers with their value (JSON
         *     does not tell `1.0` from `1`, so an integral float may come back as `1`). Records pushed
         *     by other tools are not part of the Sumatra view: a 404, which Sumatra turns into a
         *     `KeyError`.
         */
        get: operations["getSumatraRecord"];
        /**
         * Sumatra store — save a record (replacing it whole)
         * @description Sumatra's `save`: `smt run` saves the same record five times (initialized, pre-run,
         *     running, gathering, finished) and `smt tag`/`smt comment` save it again. Creates the record
         *     (**201**) or replaces **every** field of it (**200**); the project is created when missing.
         *     The body's `label` must be the URL's; `last` and labels starting with `tag/` are reserved.
         *
         *     The Reprise record is mapped from the Sumatra one: status from the status tags
         *     (`_initialized_` → scheduled, `_pre_run_` → started, `_running_` and `_…..._` → running,
         *     `_finished_`/`_succeeded_` → finished, `_failed_`/`_crashed_` → crashed, `_killed_` →
         *     aborted, none → unknown); `program` from `executable`, `main_file`, `script_arguments`,
         *     `repository` and `version` (as `versionControl.commit`) with the sha256 of `diff` as
         *     `versionControl.diff`; `parameters` as `{type, content}`; `inputs`/`outputs` from
         *     `input_data`/`output_data` with `sha256` null (Sumatra's digests are sha1: they are under
         *     `custom.sumatra.inputs`/`outputs`, by entry name); `dependencies` (`module` as the manager);
         *     `system` from `platforms`; `tags` without the status tags; `reason`, `outcome`, `duration`;
         *     `stdout` from `stdout_stderr`. A status that moves backwards (a finished record saved as
         *     initialized again) restarts the status history: the whole record is replaced.
         */
        put: operations["putSumatraRecord"];
        post?: never;
        /**
         * Sumatra store — delete a record
         * @description Sumatra's `delete` (`smt delete LABEL`), which requires **204**. The record is really
         *     deleted (project counts follow); files it referenced stay in the file store for a later
         *     sweep.
         */
        delete: operations["deleteSumatraRecord"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @description A stable snake_case code. */
                code: string;
                /** @description What went wrong and what to do, for a person. */
                message: string;
                /** @description Machine-readable specifics (for example the failing fields). */
                details?: unknown;
            };
        };
        /** @description A resource id (24 hex digits). */
        Id: string;
        /**
         * Format: date-time
         * @description ISO 8601, UTC.
         */
        Timestamp: string;
        /** @description A sha256 digest in lowercase hex. */
        Sha256: string;
        /** @description Any JSON value. Stored exactly as sent, whatever its keys (".", "$", empty) and nesting. */
        Freeform: unknown;
        Tags: string[];
        UserRef: {
            id: components["schemas"]["Id"];
            name: string;
        };
        ProjectPush: {
            description?: string;
            goals?: string;
            tags?: components["schemas"]["Tags"];
            /** @description Private projects (the default) are invisible to everyone but their owner. */
            private?: boolean;
            custom?: components["schemas"]["Freeform"];
        };
        Project: {
            id: components["schemas"]["Id"];
            name: string;
            owner: components["schemas"]["UserRef"];
            description: string;
            goals: string;
            tags: string[];
            private: boolean;
            /** @description Container ids, oldest first; the last one is the current environment. */
            history: components["schemas"]["Id"][];
            custom?: components["schemas"]["Freeform"];
            created: components["schemas"]["Timestamp"];
            updated: components["schemas"]["Timestamp"];
            activity?: components["schemas"]["Timestamp"];
        };
        ProjectDetail: components["schemas"]["Project"] & {
            /** @description The container history, oldest first. */
            containers: components["schemas"]["Container"][];
            counts: {
                records: number;
                containers: number;
                byStatus: {
                    [key: string]: number;
                };
            };
        };
        ProjectPage: {
            data: components["schemas"]["Project"][];
            page: components["schemas"]["PageInfo"];
        };
        PageInfo: {
            /** @description The cursor of the next page, or null on the last page. */
            next: string | null;
        };
        ContainerVersion: {
            /** @example git */
            vcs?: string | null;
            repository?: string | null;
            commit?: string | null;
            branch?: string | null;
            tag?: string | null;
            dirty?: boolean | null;
            /** @description The sha256 of the working-tree diff against `commit` (when dirty). */
            diff?: string | null;
        };
        ContainerPush: {
            /**
             * @description docker, singularity, podman, oci, rocket, or another container system.
             * @example docker
             */
            system: string;
            version?: components["schemas"]["ContainerVersion"];
            /**
             * @description For an image in a registry: `reference` and `digest`. For an uploaded image (multipart
             *     field `image`): optionally the `sha256` the client computed, a `name` and a `mediaType`.
             */
            image?: {
                reference?: string;
                digest?: string;
                sha256?: components["schemas"]["Sha256"];
                name?: string;
                mediaType?: string;
            };
        };
        Container: {
            id: components["schemas"]["Id"];
            project: components["schemas"]["Id"];
            system: string;
            version: {
                vcs?: string | null;
                repository?: string | null;
                commit?: string | null;
                branch?: string | null;
                tag?: string | null;
                dirty?: boolean | null;
                diff?: string | null;
            };
            image: null | {
                sha256?: string | null;
                size?: number | null;
                mediaType?: string | null;
                name?: string | null;
                file?: string | null;
                reference?: string | null;
                digest?: string | null;
            };
            /** @description Index in the project's history (0 = oldest), or -1 if not in it. */
            position: number;
            created: components["schemas"]["Timestamp"];
        };
        /** @enum {string} */
        RecordStatus: "unknown" | "scheduled" | "started" | "running" | "paused" | "finished" | "crashed" | "aborted";
        /** @description What ran. The known keys below feed the assessment; any other key is kept as sent. */
        Program: {
            command?: string;
            arguments?: string[];
            entryPoint?: string;
            version?: string;
            versionControl?: {
                vcs?: string | null;
                repository?: string | null;
                commit?: string | null;
                branch?: string | null;
                tag?: string | null;
                dirty?: boolean | null;
                /** @description sha256 of the working-tree diff (when dirty). */
                diff?: string | null;
            };
        } & {
            [key: string]: unknown;
        };
        FileRefInput: {
            /** @description The file's name (no "/", no control characters). */
            name: string;
            /** @description Relative path in the run's working directory (no "..", no leading "/"). */
            path?: string | null;
            /** @description The sha256 of the content in lowercase hex, when the client knows it. */
            sha256?: string | null;
            size?: number | null;
            mediaType?: string | null;
        };
        FileRef: {
            name: string;
            path: string | null;
            sha256: string | null;
            size: number | null;
            mediaType: string | null;
            /** @description The uploaded file's id, or null while only declared. */
            file: string | null;
        };
        Dependency: {
            name: string;
            version?: string;
            /** @example pip */
            manager?: string | null;
            source?: string | null;
        };
        RecordFields: {
            container?: components["schemas"]["Id"];
            program?: components["schemas"]["Program"];
            parameters?: components["schemas"]["Freeform"];
            inputs?: components["schemas"]["FileRefInput"][];
            outputs?: components["schemas"]["FileRefInput"][];
            dependencies?: components["schemas"]["Dependency"][];
            /** @description The host (os, arch, hostname, cpu, memory, runtimes, …); any JSON. */
            system?: unknown;
            tags?: components["schemas"]["Tags"];
            reason?: string;
            outcome?: string;
            /** @description Seconds. */
            duration?: number | null;
            stdout?: string;
            stderr?: string;
            custom?: components["schemas"]["Freeform"];
        };
        RecordPush: {
            /** @description Unique in the project; a timestamp label is given when omitted. */
            label?: string;
            status?: components["schemas"]["RecordStatus"];
        } & components["schemas"]["RecordFields"];
        RecordUpdate: {
            status?: components["schemas"]["RecordStatus"];
        } & components["schemas"]["RecordFields"];
        RecordSummary: {
            id: components["schemas"]["Id"];
            project: components["schemas"]["Id"];
            projectName: string;
            owner: components["schemas"]["UserRef"];
            container: string | null;
            label: string;
            status: components["schemas"]["RecordStatus"];
            tags: string[];
            reason?: string;
            outcome?: string;
            duration?: number | null;
            private: boolean;
            inputs?: components["schemas"]["FileRef"][];
            outputs?: components["schemas"]["FileRef"][];
            created: components["schemas"]["Timestamp"];
            updated: components["schemas"]["Timestamp"];
        };
        Record: components["schemas"]["RecordSummary"] & {
            statusHistory: {
                status: components["schemas"]["RecordStatus"];
                at: components["schemas"]["Timestamp"];
            }[];
            program?: components["schemas"]["Freeform"];
            parameters?: components["schemas"]["Freeform"];
            dependencies: {
                name: string;
                version: string;
                manager: string | null;
                source: string | null;
            }[];
            system?: components["schemas"]["Freeform"];
            stdout: string;
            stderr: string;
            custom?: components["schemas"]["Freeform"];
        };
        RecordPage: {
            data: components["schemas"]["RecordSummary"][];
            page: components["schemas"]["PageInfo"];
        };
        FileManifest: {
            files: {
                /** @enum {string} */
                field: "inputs" | "outputs";
                /** @description The file name of the multipart part this entry describes. */
                filename: string;
                /** @description The name to record (defaults to `filename`). */
                name?: string;
                path?: string;
                sha256?: components["schemas"]["Sha256"];
                mediaType?: string;
            }[];
        };
        SumatraProjectEntry: {
            /** @description The project name (what Sumatra uses). */
            id: string;
            /** @description Sumatra's long name, else the project name. */
            name: string;
            description: string;
            /** @description The absolute URL of the project in the store. */
            uri: string;
            last_updated: components["schemas"]["Timestamp"];
        };
        SumatraProject: {
            id: string;
            name: string;
            description: string;
            /** @description Absolute URLs of the project's Sumatra records, newest first. */
            records: string[];
            tags: string[];
            /** @description The caller's email. */
            user: string;
            access: string[];
        };
        /** @description What Sumatra sends when it creates a project (usually `{}`). */
        SumatraProjectInfo: {
            name?: string;
            description?: string;
        };
        SumatraProjectSaved: {
            id: string;
            name: string;
            description: string;
        };
        SumatraSaved: {
            id: components["schemas"]["Id"];
            label: string;
            status: components["schemas"]["RecordStatus"];
        };
        SumatraDataKey: {
            path: string;
            /** @description Sumatra's sha1 of the content (hex). */
            digest: string | null;
            metadata?: Record<string, never>;
            creation?: string | null;
        };
        /**
         * @description A Sumatra record (`record2dict` in sumatra/formatting, API version 4). Only the keys
         *     Sumatra's client needs to decode a record are required; every other key is kept as sent.
         *     Dates are `%Y-%m-%d %H:%M:%S%z` strings and come back byte for byte.
         */
        SumatraRecord: {
            label: string;
            timestamp: string;
            reason: string | null;
            duration: number | null;
            executable: {
                path: string | null;
                version: string | null;
                name: string | null;
                options?: string | null;
            };
            repository: {
                url: string | null;
                type: string;
                upstream?: string | null;
            };
            main_file: string | null;
            /** @description The VCS commit. */
            version: string | null;
            parameters: {
                type: string;
                content: string;
            };
            input_data?: components["schemas"]["SumatraDataKey"][];
            output_data?: components["schemas"]["SumatraDataKey"][];
            script_arguments?: string | null;
            launch_mode: {
                type: string;
                /** @description Keyword arguments of the class named by `type`; stored as they are. */
                parameters: unknown;
            };
            datastore: {
                type: string;
                /** @description Keyword arguments of the class named by `type`; stored as they are. */
                parameters: unknown;
            };
            input_datastore?: {
                type: string;
                /** @description Keyword arguments of the class named by `type`; stored as they are. */
                parameters: unknown;
            };
            outcome: string | null;
            stdout_stderr?: string | null;
            tags: string[];
            diff: string | null;
            user?: string | null;
            dependencies: ({
                name: string;
                path: string | null;
                version: string | null;
                diff: string | null;
                /** @description python, neuron, genesis, matlab or r. */
                module: string;
                source?: string | null;
            } & {
                [key: string]: unknown;
            })[];
            platforms: Record<string, never>[];
            /** @description The label of the record this one repeats. */
            repeats?: string | null;
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description The file's bytes. */
        Download: {
            headers: {
                ETag: components["headers"]["ETag"];
                "Content-Length": components["headers"]["ContentLength"];
                "Accept-Ranges": components["headers"]["AcceptRanges"];
                [name: string]: unknown;
            };
            content: {
                "application/octet-stream": string;
            };
        };
        /** @description The requested range of the file. */
        PartialDownload: {
            headers: {
                ETag: components["headers"]["ETag"];
                "Content-Length": components["headers"]["ContentLength"];
                "Content-Range": components["headers"]["ContentRange"];
                [name: string]: unknown;
            };
            content: {
                "application/octet-stream": string;
            };
        };
        /** @description The client's copy (If-None-Match) is current. */
        NotModified: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The range lies outside the file. */
        RangeNotSatisfiable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request is malformed (bad JSON, wrong types, unknown fields, bad cursor, unsafe file name, …). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "validation_failed",
                 *         "message": "body.status must be one of: unknown, scheduled, started, running, paused, finished, crashed, aborted.",
                 *         "details": [
                 *           {
                 *             "location": "body",
                 *             "path": "/status",
                 *             "message": "must be equal to one of the allowed values"
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No API token, or one that is wrong or revoked. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No Basic credentials, or a wrong email or API token. */
        SumatraUnauthorized: {
            headers: {
                /** @description Always `Basic realm="Reprise"`; Sumatra's client sends credentials only after this challenge. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A Sumatra record, exactly as Sumatra stored it. */
        SumatraRecord: {
            headers: {
                "Cache-Control": components["headers"]["NoStore"];
                [name: string]: unknown;
            };
            content: {
                "application/vnd.sumatra.record-v4+json": components["schemas"]["SumatraRecord"];
            };
        };
        /** @description Nothing of that name or id that the caller may see (private items of others included). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "not_found",
                 *         "message": "Project \"dla\" not found."
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The item already exists (for example a record label used twice in a project), or a request
         *     with the same `Idempotency-Key` is still running (`idempotency_in_progress`: retry after
         *     `Retry-After` seconds).
         */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body or an uploaded file is larger than the server allows. */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body's Content-Type is not one the endpoint accepts. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description A rule is violated (a digest that does not match the bytes, a status moving backwards, an
         *     `Idempotency-Key` used before for a different request, …).
         */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The database is unreachable; retry after the `Retry-After` seconds. */
        Unavailable: {
            headers: {
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description A key the client makes up for this request (a UUID, say) so that it is safe to retry. The
         *     first request with a key runs; when it succeeds, its status and body are kept for 24 hours
         *     and a retry with the same key and the same request gets them back, with
         *     `Idempotent-Replayed: true`, without doing anything again. The same key with a different
         *     request (another path or body) is a 422 `idempotency_key_reused`; a retry while the first
         *     request is still running is a 409 `idempotency_in_progress` (retry after `Retry-After`).
         *     A request that fails changes nothing and keeps no key, so its retry runs afresh. Keys
         *     belong to the caller: two users never share one. For uploads the request is the form
         *     fields plus the sha256 of every uploaded file, so a retry sends the files again; they are
         *     compared by digest and dropped.
         * @example 3f1c9a52-0d4e-4c8b-9d57-1b2e6a8f0c11
         */
        idempotencyKey: string;
        /**
         * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
         * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
         */
        token: string;
        /**
         * @description A project name in the caller's namespace, or a project id.
         * @example dla
         */
        project: string;
        /**
         * @description The name of the caller's project (letters, digits, ".", "_", "-"; 1 to 100 characters), or the id of one of the caller's projects.
         * @example dla
         */
        projectName: string;
        /**
         * @description A record id or the record's label within the project.
         * @example run-42
         */
        record: string;
        /**
         * @description A project name in the caller's namespace (Sumatra's project name).
         * @example dla
         */
        sumatraProject: string;
        /**
         * @description A record label; may contain "/" and ":" (sent as they are or percent-encoded).
         * @example 20261122-071323
         */
        sumatraLabel: string;
        /** @description The `page.next` value of the previous page. */
        cursor: string;
        /** @description Items per page. */
        limit: number;
        /** @description Text to look for (case-insensitive). */
        q: string;
        /** @description Only records with this status. */
        status: components["schemas"]["RecordStatus"];
        /** @description Only items carrying this tag. */
        tag: string;
        /** @description Only records whose label starts with this text. */
        labelPrefix: string;
        /** @description Only records created at or after this time. */
        createdAfter: string;
        /** @description Only records created before this time. */
        createdBefore: string;
        /** @description A single byte range, e.g. `bytes=0-1023` or `bytes=-500`. */
        range: string;
        /** @description The ETag of a copy the client has; a 304 answers when it is current. */
        ifNoneMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description `true` when this is the kept response of an earlier request with the same `Idempotency-Key`. */
        IdempotentReplayed: "true";
        /** @description Always `no-store`, so that httplib2's cache never serves a stale listing. */
        NoStore: "no-store";
        /** @description The file's sha256, quoted. */
        ETag: string;
        /** @description Bytes in the body. */
        ContentLength: number;
        /** @description The range sent, as `bytes start-end/size`. */
        ContentRange: string;
        /** @description Always `bytes`. */
        AcceptRanges: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document, as YAML. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    pullProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description A project name in the caller's namespace, or a project id.
                 * @example dla
                 */
                project: components["parameters"]["project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project, with its containers oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    pushProject: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key the client makes up for this request (a UUID, say) so that it is safe to retry. The
                 *     first request with a key runs; when it succeeds, its status and body are kept for 24 hours
                 *     and a retry with the same key and the same request gets them back, with
                 *     `Idempotent-Replayed: true`, without doing anything again. The same key with a different
                 *     request (another path or body) is a 422 `idempotency_key_reused`; a retry while the first
                 *     request is still running is a 409 `idempotency_in_progress` (retry after `Retry-After`).
                 *     A request that fails changes nothing and keeps no key, so its retry runs afresh. Keys
                 *     belong to the caller: two users never share one. For uploads the request is the form
                 *     fields plus the sha256 of every uploaded file, so a retry sends the files again; they are
                 *     compared by digest and dropped.
                 * @example 3f1c9a52-0d4e-4c8b-9d57-1b2e6a8f0c11
                 */
                "Idempotency-Key"?: components["parameters"]["idempotencyKey"];
            };
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description The name of the caller's project (letters, digits, ".", "_", "-"; 1 to 100 characters), or the id of one of the caller's projects.
                 * @example dla
                 */
                project: components["parameters"]["projectName"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ProjectPush"];
            };
        };
        responses: {
            /** @description The project existed and was updated. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description The project was created. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    pushContainer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key the client makes up for this request (a UUID, say) so that it is safe to retry. The
                 *     first request with a key runs; when it succeeds, its status and body are kept for 24 hours
                 *     and a retry with the same key and the same request gets them back, with
                 *     `Idempotent-Replayed: true`, without doing anything again. The same key with a different
                 *     request (another path or body) is a 422 `idempotency_key_reused`; a retry while the first
                 *     request is still running is a 409 `idempotency_in_progress` (retry after `Retry-After`).
                 *     A request that fails changes nothing and keeps no key, so its retry runs afresh. Keys
                 *     belong to the caller: two users never share one. For uploads the request is the form
                 *     fields plus the sha256 of every uploaded file, so a retry sends the files again; they are
                 *     compared by digest and dropped.
                 * @example 3f1c9a52-0d4e-4c8b-9d57-1b2e6a8f0c11
                 */
                "Idempotency-Key"?: components["parameters"]["idempotencyKey"];
            };
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description A project name in the caller's namespace, or a project id.
                 * @example dla
                 */
                project: components["parameters"]["project"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContainerPush"];
                "multipart/form-data": {
                    /** @description A ContainerPush object as JSON text. */
                    metadata: string;
                    /**
                     * Format: binary
                     * @description The image file (for example a `docker save` tarball).
                     */
                    image?: string;
                };
            };
        };
        responses: {
            /** @description The container, now last in the project's history. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Container"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    createRecord: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key the client makes up for this request (a UUID, say) so that it is safe to retry. The
                 *     first request with a key runs; when it succeeds, its status and body are kept for 24 hours
                 *     and a retry with the same key and the same request gets them back, with
                 *     `Idempotent-Replayed: true`, without doing anything again. The same key with a different
                 *     request (another path or body) is a 422 `idempotency_key_reused`; a retry while the first
                 *     request is still running is a 409 `idempotency_in_progress` (retry after `Retry-After`).
                 *     A request that fails changes nothing and keeps no key, so its retry runs afresh. Keys
                 *     belong to the caller: two users never share one. For uploads the request is the form
                 *     fields plus the sha256 of every uploaded file, so a retry sends the files again; they are
                 *     compared by digest and dropped.
                 * @example 3f1c9a52-0d4e-4c8b-9d57-1b2e6a8f0c11
                 */
                "Idempotency-Key"?: components["parameters"]["idempotencyKey"];
            };
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description A project name in the caller's namespace, or a project id.
                 * @example dla
                 */
                project: components["parameters"]["project"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordPush"];
            };
        };
        responses: {
            /** @description The record. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateRecord: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key the client makes up for this request (a UUID, say) so that it is safe to retry. The
                 *     first request with a key runs; when it succeeds, its status and body are kept for 24 hours
                 *     and a retry with the same key and the same request gets them back, with
                 *     `Idempotent-Replayed: true`, without doing anything again. The same key with a different
                 *     request (another path or body) is a 422 `idempotency_key_reused`; a retry while the first
                 *     request is still running is a 409 `idempotency_in_progress` (retry after `Retry-After`).
                 *     A request that fails changes nothing and keeps no key, so its retry runs afresh. Keys
                 *     belong to the caller: two users never share one. For uploads the request is the form
                 *     fields plus the sha256 of every uploaded file, so a retry sends the files again; they are
                 *     compared by digest and dropped.
                 * @example 3f1c9a52-0d4e-4c8b-9d57-1b2e6a8f0c11
                 */
                "Idempotency-Key"?: components["parameters"]["idempotencyKey"];
            };
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description A project name in the caller's namespace, or a project id.
                 * @example dla
                 */
                project: components["parameters"]["project"];
                /**
                 * @description A record id or the record's label within the project.
                 * @example run-42
                 */
                record: components["parameters"]["record"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordUpdate"];
            };
        };
        responses: {
            /** @description The updated record. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    pushFiles: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key the client makes up for this request (a UUID, say) so that it is safe to retry. The
                 *     first request with a key runs; when it succeeds, its status and body are kept for 24 hours
                 *     and a retry with the same key and the same request gets them back, with
                 *     `Idempotent-Replayed: true`, without doing anything again. The same key with a different
                 *     request (another path or body) is a 422 `idempotency_key_reused`; a retry while the first
                 *     request is still running is a 409 `idempotency_in_progress` (retry after `Retry-After`).
                 *     A request that fails changes nothing and keeps no key, so its retry runs afresh. Keys
                 *     belong to the caller: two users never share one. For uploads the request is the form
                 *     fields plus the sha256 of every uploaded file, so a retry sends the files again; they are
                 *     compared by digest and dropped.
                 * @example 3f1c9a52-0d4e-4c8b-9d57-1b2e6a8f0c11
                 */
                "Idempotency-Key"?: components["parameters"]["idempotencyKey"];
            };
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description A project name in the caller's namespace, or a project id.
                 * @example dla
                 */
                project: components["parameters"]["project"];
                /**
                 * @description A record id or the record's label within the project.
                 * @example run-42
                 */
                record: components["parameters"]["record"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description A FileManifest object as JSON text. */
                    manifest?: string;
                    inputs?: string[];
                    outputs?: string[];
                };
            };
        };
        responses: {
            /** @description The record with the files attached. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    pullLatestRecordImage: {
        parameters: {
            query?: never;
            header?: {
                /** @description A single byte range, e.g. `bytes=0-1023` or `bytes=-500`. */
                Range?: components["parameters"]["range"];
                /** @description The ETag of a copy the client has; a 304 answers when it is current. */
                "If-None-Match"?: components["parameters"]["ifNoneMatch"];
            };
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description A project name in the caller's namespace, or a project id.
                 * @example dla
                 */
                project: components["parameters"]["project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Download"];
            206: components["responses"]["PartialDownload"];
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            416: components["responses"]["RangeNotSatisfiable"];
            503: components["responses"]["Unavailable"];
        };
    };
    pullRecordImage: {
        parameters: {
            query?: never;
            header?: {
                /** @description A single byte range, e.g. `bytes=0-1023` or `bytes=-500`. */
                Range?: components["parameters"]["range"];
                /** @description The ETag of a copy the client has; a 304 answers when it is current. */
                "If-None-Match"?: components["parameters"]["ifNoneMatch"];
            };
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description A project name in the caller's namespace, or a project id.
                 * @example dla
                 */
                project: components["parameters"]["project"];
                /**
                 * @description A record id or the record's label within the project.
                 * @example run-42
                 */
                record: components["parameters"]["record"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Download"];
            206: components["responses"]["PartialDownload"];
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            416: components["responses"]["RangeNotSatisfiable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRecords: {
        parameters: {
            query?: {
                /** @description Only records with this status. */
                status?: components["parameters"]["status"];
                /** @description Only items carrying this tag. */
                tag?: components["parameters"]["tag"];
                /** @description Only records whose label starts with this text. */
                labelPrefix?: components["parameters"]["labelPrefix"];
                /** @description Only records created at or after this time. */
                createdAfter?: components["parameters"]["createdAfter"];
                /** @description Only records created before this time. */
                createdBefore?: components["parameters"]["createdBefore"];
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description A project name in the caller's namespace, or a project id.
                 * @example dla
                 */
                project: components["parameters"]["project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of records (without stdout and stderr). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    displayRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description A project name in the caller's namespace, or a project id.
                 * @example dla
                 */
                project: components["parameters"]["project"];
                /**
                 * @description A record id or the record's label within the project.
                 * @example run-42
                 */
                record: components["parameters"]["record"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    pullFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description A single byte range, e.g. `bytes=0-1023` or `bytes=-500`. */
                Range?: components["parameters"]["range"];
                /** @description The ETag of a copy the client has; a 304 answers when it is current. */
                "If-None-Match"?: components["parameters"]["ifNoneMatch"];
            };
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
                /**
                 * @description A project name in the caller's namespace, or a project id.
                 * @example dla
                 */
                project: components["parameters"]["project"];
                /**
                 * @description A record id or the record's label within the project.
                 * @example run-42
                 */
                record: components["parameters"]["record"];
                /** @description A file name, sha256 or file id of the record's inputs or outputs. */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Download"];
            206: components["responses"]["PartialDownload"];
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            416: components["responses"]["RangeNotSatisfiable"];
            503: components["responses"]["Unavailable"];
        };
    };
    searchProjects: {
        parameters: {
            query?: {
                /** @description Text to look for (case-insensitive). */
                q?: components["parameters"]["q"];
                /** @description Only items carrying this tag. */
                tag?: components["parameters"]["tag"];
                /** @description Only the caller's own projects. */
                mine?: boolean;
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of projects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    searchRecords: {
        parameters: {
            query?: {
                /** @description Text to look for (case-insensitive). */
                q?: components["parameters"]["q"];
                /** @description Only records of this project (a name of the caller's or a project id). */
                project?: string;
                /** @description Only records with this status. */
                status?: components["parameters"]["status"];
                /** @description Only items carrying this tag. */
                tag?: components["parameters"]["tag"];
                /** @description Only records created at or after this time. */
                createdAfter?: components["parameters"]["createdAfter"];
                /** @description Only records created before this time. */
                createdBefore?: components["parameters"]["createdBefore"];
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /**
                 * @description The caller's API token (or omit this segment and send `Authorization: Bearer <token>`).
                 * @example rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE
                 */
                token: components["parameters"]["token"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of records (without stdout and stderr). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listSumatraProjects: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's projects. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "dla",
                     *         "name": "dla",
                     *         "description": "Diffusion-limited aggregation.",
                     *         "uri": "http://localhost:5100/sumatra/dla/",
                     *         "last_updated": "2026-11-22T07:13:25.000Z"
                     *       }
                     *     ]
                     */
                    "application/vnd.sumatra.project-list-v4+json": components["schemas"]["SumatraProjectEntry"][];
                };
            };
            401: components["responses"]["SumatraUnauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    getSumatraProject: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated tags; only records carrying all of them.
                 * @example t1,_finished_
                 */
                tags?: string;
            };
            header?: never;
            path: {
                /**
                 * @description A project name in the caller's namespace (Sumatra's project name).
                 * @example dla
                 */
                project: components["parameters"]["sumatraProject"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "dla",
                     *       "name": "dla",
                     *       "description": "",
                     *       "records": [
                     *         "http://localhost:5100/sumatra/dla/20261122-071323/"
                     *       ],
                     *       "tags": [],
                     *       "user": "alice@example.org",
                     *       "access": [
                     *         "alice@example.org"
                     *       ]
                     *     }
                     */
                    "application/vnd.sumatra.project-v4+json": components["schemas"]["SumatraProject"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SumatraUnauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    putSumatraProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project name in the caller's namespace (Sumatra's project name).
                 * @example dla
                 */
                project: components["parameters"]["sumatraProject"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /** @example {} */
                "application/vnd.sumatra.project-v4+json": components["schemas"]["SumatraProjectInfo"];
                /**
                 * @example {
                 *       "name": "Diffusion-limited aggregation",
                 *       "description": "2D lattice simulations."
                 *     }
                 */
                "application/json": components["schemas"]["SumatraProjectInfo"];
            };
        };
        responses: {
            /** @description The project existed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.sumatra.project-v4+json": components["schemas"]["SumatraProjectSaved"];
                };
            };
            /** @description The project was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "dla",
                     *       "name": "dla",
                     *       "description": ""
                     *     }
                     */
                    "application/vnd.sumatra.project-v4+json": components["schemas"]["SumatraProjectSaved"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SumatraUnauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getLatestSumatraRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project name in the caller's namespace (Sumatra's project name).
                 * @example dla
                 */
                project: components["parameters"]["sumatraProject"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SumatraRecord"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SumatraUnauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteSumatraRecordsByTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project name in the caller's namespace (Sumatra's project name).
                 * @example dla
                 */
                project: components["parameters"]["sumatraProject"];
                /**
                 * @description The tag (may contain "/").
                 * @example obsolete
                 */
                tag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many records were deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example 3 */
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SumatraUnauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getSumatraRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project name in the caller's namespace (Sumatra's project name).
                 * @example dla
                 */
                project: components["parameters"]["sumatraProject"];
                /**
                 * @description A record label; may contain "/" and ":" (sent as they are or percent-encoded).
                 * @example 20261122-071323
                 */
                label: components["parameters"]["sumatraLabel"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SumatraRecord"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SumatraUnauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    putSumatraRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project name in the caller's namespace (Sumatra's project name).
                 * @example dla
                 */
                project: components["parameters"]["sumatraProject"];
                /**
                 * @description A record label; may contain "/" and ":" (sent as they are or percent-encoded).
                 * @example 20261122-071323
                 */
                label: components["parameters"]["sumatraLabel"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.sumatra.record-v4+json": components["schemas"]["SumatraRecord"];
                "application/json": components["schemas"]["SumatraRecord"];
            };
        };
        responses: {
            /** @description The record existed and was replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SumatraSaved"];
                };
            };
            /** @description The record was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6740a1f2c3b4d5e6f7a8b9c0",
                     *       "label": "20261122-071323",
                     *       "status": "finished"
                     *     }
                     */
                    "application/json": components["schemas"]["SumatraSaved"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SumatraUnauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteSumatraRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project name in the caller's namespace (Sumatra's project name).
                 * @example dla
                 */
                project: components["parameters"]["sumatraProject"];
                /**
                 * @description A record label; may contain "/" and ":" (sent as they are or percent-encoded).
                 * @example 20261122-071323
                 */
                label: components["parameters"]["sumatraLabel"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SumatraUnauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
}
