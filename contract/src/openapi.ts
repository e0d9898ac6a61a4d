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
         *
         *     An uploaded image that is a SIF file (Singularity/Apptainer; it carries the `SIF_MAGIC`
         *     header), or is meant to be one (a `.sif` name, a SIF media type, system `singularity` or
         *     `apptainer`), is inspected: its global header (version, architecture, UUID, times), its
         *     data object descriptors and its labels (the JSON labels object, or the `labels` of its
         *     JSON.Generic metadata, as `singularity inspect` shows them) are kept as `image.sif`. Only
         *     the header, the descriptor region and a labels object of at most 64 KiB are read. A file
         *     that cannot be read as a SIF is still accepted as the image, with `image.sif.readable`
         *     false and the reason in `image.sif.problem`.
         *
         *     `recipe` keeps the build recipe (a Dockerfile or a Singularity definition file) as text,
         *     at most 65,536 characters, in the JSON body or the `metadata` field.
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
         *     `container`, in no container when `container` is `null`, or else in the last container of
         *     the project's history at this moment. Without
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
         *     aborted); sending the current status again is allowed, going back is a 422. `container`
         *     moves the record to that container version, which must be one of the same project's
         *     (**422** `unknown_container` otherwise, and nothing of the update is kept).
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
         *     is stored once. A file with the name of an existing input (or output) whose bytes were
         *     uploaded before replaces it: the entry gets the new `sha256`, `size` and `file`, no second
         *     entry is added, and bytes nothing else uses any more are deleted. An entry declared with a
         *     `sha256` but no bytes yet (metadata pushed first) must receive exactly those bytes
         *     (`digest_mismatch` otherwise).
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
        /** List a project's records, newest first unless sorted otherwise */
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
         * @description Matches `q` (case-insensitive) in label, reason, outcome, tags, parameter names and string
         *     values (and numbers equal to `q`), input and output file names and the owner's name;
         *     newest first unless sorted otherwise. `where` and `sort` as for a project's records.
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
    "/api/v1/{token}/record/export/{project}/{record}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a record as an RO-Crate, PROV-JSON or a citation
         * @description `ro-crate` (the default) streams a zip whose `ro-crate-metadata.json` follows RO-Crate 1.1
         *     and the Process Run Crate profile (0.5): the run is a `CreateAction` whose `instrument` is
         *     the program (a `SoftwareApplication`), `object` the inputs and parameters (`PropertyValue`s),
         *     `result` the outputs (with `sha256`), `agent` the owner, `containerImage` the container, with
         *     `startTime`, `endTime` and `actionStatus`. Fields the profile has no term for are kept under
         *     `reprise:` properties (the README lists them). Files are inside the zip unless `files=none`;
         *     the container image only with `image=include`. Memory stays flat whatever the file sizes.
         *     `prov` is PROV-JSON with the same facts; `bibtex`, `cff` (CITATION.cff) and `datacite`
         *     cite the record by its permanent link `PUBLIC_URL/r/<id>`. A record the caller may not see
         *     is a 404.
         */
        get: operations["exportRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/project/export/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export all records of a project as one RO-Crate or PROV-JSON document
         * @description Every record of the project the caller may see, each as its own `CreateAction` (entity ids
         *     and file paths are prefixed with the record id). Citations (`bibtex`, `cff`, `datacite`) are
         *     of a record or a verdict, not of a project: 400.
         */
        get: operations["exportProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/record/export/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a public record without a token
         * @description The same export as `record/export`, for a public record by id. A private or missing record is a 404.
         */
        get: operations["exportPublicRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/verdict/export/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a verdict (a diff request between two public records) without a token
         * @description The crate holds both records' runs and the assessment as an `AssessAction` whose `object` is
         *     both runs, `agent` the assessor (the target owner), `participant` the requester, `result` the
         *     proposition, with the evidence and basis as `reprise:evidence` and `reprise:basis`. `prov`
         *     makes the verdict an activity that used both records. A request the caller may not see is a 404.
         */
        get: operations["exportPublicVerdict"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/record/import/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a record from a Process Run Crate
         * @description `multipart/form-data` with the zipped crate in the field `crate`. The crate's run (the
         *     `CreateAction` its root mentions, else the first one) becomes a new record: its name the
         *     label (a timestamp label when it is not a usable one), `object` Files the inputs and
         *     `PropertyValue`s the parameters, `result` Files the outputs, the instrument the program and
         *     its `softwareRequirements` the dependencies, `reprise:` properties the rest. Files inside the
         *     archive are uploaded and must match their declared `sha256` (422 `digest_mismatch`). What
         *     has no place in a record is kept under `custom["ro-crate"]` and listed in `unmapped`. A crate
         *     that is not a zip, has no `ro-crate-metadata.json`, is not JSON-LD with a graph, names a path
         *     outside the archive, or would unpack beyond the limits (total size, inflation ratio, entry
         *     count) is a 400 `invalid_crate` whose `details.reason` says which; one without a
         *     `CreateAction` is a 422 `not_a_run`. Nothing is created when the import fails.
         */
        post: operations["importRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shared/{secret}/record/display/{record}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One record's metadata through a reviewer link (no token)
         * @description Whoever holds a reviewer link's secret reads what it names without an account: `{record}`
         *     is a record id or label of the linked project (or the linked record itself). Anything
         *     else, and a link that is revoked or expired, is a `404`. Through an anonymous link the
         *     owner shows as `{id: "000000000000000000000000", name: "Anonymous"}` and the owner's name
         *     and email are replaced by `[hidden]` wherever they appear in text. Read only: there is no
         *     write through a link.
         */
        get: operations["sharedDisplayRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shared/{secret}/file/pull/{record}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an input or output file of a record through a reviewer link (no token)
         * @description As `file/pull`, for a record the link reaches (see `sharedDisplayRecord`). The bytes are
         *     the stored ones (their sha256 is the ETag); an anonymous link hides the owner's name and
         *     email in the file name it sends.
         */
        get: operations["sharedPullFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/jobs/lease": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lease the caller's oldest queued reproduction job (workers)
         * @description A worker (`reprise worker`) takes one of **the caller's own** queued reproduction jobs, or
         *     a running one whose lease expired (its worker went away), by one conditional update: two
         *     workers never hold the same job. Only jobs whose executor is unset or the worker's
         *     `executor`, and, when `projects` is given, only jobs reproducing records of those projects
         *     (ids) are leased. The lease lasts `leaseSeconds` (default 60) and is renewed by each
         *     heartbeat; the answer carries the job, the lease id every later call must present, and the
         *     record to reproduce as the caller sees it now. `{job: null}` when nothing is waiting.
         *     A job whose record the caller can no longer see fails at once (`reason` says so) and the
         *     next one is tried.
         */
        post: operations["leaseJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/jobs/{id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renew a job's lease and send the end of its log
         * @description Extends the lease by its length and keeps the last 64 KiB of `log` as the job's log tail.
         *     A lease that is no longer the job's (it expired and another worker took the job) is a
         *     409 `lease_lost`; a job cancelled (or otherwise ended) meanwhile is a 409 `job_closed`: the
         *     worker stops the run.
         */
        post: operations["heartbeatJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/jobs/{id}/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report the record a leased job's run made, and get the verdict filed
         * @description `record` is the new record (its label or id) in the job's project. When it `finished`, the
         *     platform computes the evidence against the original with the job's tolerance and files the
         *     diff request the assessment table allows (repeatable → `repeated`, reproducible →
         *     `reproduced`, non-repeatable → `non-repeated`, unknown → `non-reproduced`) from the new
         *     record toward the original; the job is then `finished` with `diffRequest`, `cell` and
         *     `proposition`. When no request can be filed (the original is the caller's own, a request
         *     for the pair is already open, the outputs are not comparable) the job still finishes and
         *     `verdict` says why. A run that did not finish (crashed, aborted) makes the job `failed`
         *     with the reason, and files nothing. 409 `lease_lost` / `job_closed` as for heartbeats.
         */
        post: operations["finishJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{token}/jobs/{id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report that a leased job could not run, and why
         * @description The job becomes `failed` with `reason` (the repository could not be cloned, an input did
         *     not match its digest, the image is missing, …) and the log tail; nothing is filed.
         *     409 `lease_lost` / `job_closed` as for heartbeats.
         */
        post: operations["failJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account and sign in
         * @description Creates an account and starts a session (the `reprise_session` cookie). The email is stored
         *     lower-cased and must not be in use (409). A password needs at least 10 characters and may
         *     not be the email, the name or one repeated character (422 `weak_password`). Registrations
         *     are rate-limited per address (429 with `Retry-After`). No API token is made: create one with
         *     `POST /cloud/v1/account/token`.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Starts a session: sets the `reprise_session` cookie (HttpOnly, SameSite=Strict, 7 days,
         *     renewed on use after a day, at most 30 days after sign-in) and a fresh `reprise_csrf` cookie.
         *     A wrong email and a wrong password get the same 401. Attempts are limited per address
         *     (30 per 15 minutes) and failed attempts per account (10 per 15 minutes); past that, 429 with
         *     `Retry-After`.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the session; its cookie is cleared and the session is refused from now on, even if a copy of the cookie survives.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/auth/csrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The CSRF token to echo in X-CSRF-Token
         * @description Every response sets the readable cookie `reprise_csrf` when the request had none; this
         *     endpoint also returns its value, for clients that cannot read cookies.
         */
        get: operations["getCsrfToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's account and API token status */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the display name */
        patch: operations["updateAccount"];
        trace?: never;
    };
    "/cloud/v1/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password
         * @description The current password must be given (403 `wrong_password` otherwise); the new one follows the registration rules (422). Every other session of the user ends; this one continues with a new session cookie and CSRF token. Each attempt counts as a sign-in attempt, on the same limits (per client address and per account, failures forgotten after a success); past them, 429 with `Retry-After`, before the current password is checked.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/account/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a new API token (the old one stops working at once)
         * @description Returns the new token **once**; only its sha256 is stored. The previous token, if any, is
         *     refused by the API from the moment this answers. This (and the admin command) is the only
         *     place tokens are made.
         */
        post: operations["renewToken"];
        /** Revoke the API token */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user's summary
         * @description Counts, the most recently active records and the open diff requests in and out.
         */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's projects, most recently active first */
        get: operations["listMyProjects"];
        put?: never;
        /**
         * Create a project by hand
         * @description Tools create projects through the API; this is the manual way. A name already used by the caller is a 409.
         */
        post: operations["createMyProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        /**
         * A project with its container history and counts
         * @description The caller's own projects and public ones (also without a session); anything else is a 404.
         */
        get: operations["getProject"];
        put?: never;
        post?: never;
        /** Delete a project with its records, containers, diff requests and unreferenced files */
        delete: operations["deleteMyProject"];
        options?: never;
        head?: never;
        /**
         * Edit a project (name, description, goals, tags, privacy)
         * @description Making a project private hides it and all its records and containers from everyone else at
         *     once; renaming to a name the caller already uses is a 409.
         */
        patch: operations["editMyProject"];
        trace?: never;
    };
    "/cloud/v1/projects/{id}/records": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        /**
         * A project's records, newest first unless sorted otherwise
         * @description Sorted by creation time (default) or last update, newest first (default) or oldest first;
         *     a cursor continues the order it was made with.
         */
        get: operations["listProjectRecords"];
        put?: never;
        /**
         * Create a record by hand
         * @description Tools record runs through the API; this is the manual way (the CoRR paper's "possible, but
         *     manual"). The record runs in the project's latest container unless it names another.
         */
        post: operations["createMyRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/projects/{id}/containers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        /** A project's container history, newest first */
        get: operations["listProjectContainers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/projects/{id}/reproducibility": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        /**
         * A project's reproducibility
         * @description The agreed diff requests toward the project's records, by proposition, for the project and
         *     for each record. Each ordered pair of records (`from`, `toward`) counts once, also where a
         *     database holds duplicate agreed requests for a pair from before one request per pair was
         *     enforced (a pair whose old duplicates claim different propositions counts under the first
         *     in the order repeated, reproduced, non-repeated, non-reproduced).
         */
        get: operations["getReproducibility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/projects/{id}/records/csv": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        /**
         * A project's records as CSV, every page, streamed
         * @description The worksheet of a project's records as one CSV file (RFC 4180, UTF-8, CRLF line ends):
         *     the columns `label`, `status`, `created`, then each path of `columns` in order, one row per
         *     record that the same filters and order as the list select, over every page (the rows are
         *     read from the database page by page and written as they come, so memory stays flat). A
         *     cell starting with `=`, `+`, `-` or `@` that is not a number is prefixed with `'` so that a
         *     spreadsheet does not run it as a formula. Private projects are a 404 to anyone but their
         *     owner.
         */
        get: operations["exportProjectRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/projects/{id}/paths": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        /** The parameter and metric paths of a project's records, those that vary first */
        get: operations["listProjectPaths"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's records across projects, most recently active first */
        get: operations["listMyRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        /** One record with every field */
        get: operations["getRecord"];
        put?: never;
        post?: never;
        /** Delete a record with its diff requests and unreferenced files */
        delete: operations["deleteMyRecord"];
        options?: never;
        head?: never;
        /** Edit a record's reason, outcome and tags */
        patch: operations["editMyRecord"];
        trace?: never;
    };
    "/cloud/v1/records/{id}/diffs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        /**
         * The diff requests about a record, from it or toward it, newest first
         * @description For any record the caller can see (404 otherwise). The sender and the target owner of a
         *     request see it; anyone else sees only requests whose two records they can see, so a
         *     private record never shows, not even by its id. An `agreed` request in the list seals the
         *     record (see "Verdicts seal their records"). A record sealed by a verdict whose other record
         *     is private shows no verdict to others.
         */
        get: operations["listRecordDiffRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/records/{id}/files/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
                /** @description A file name, sha256 or file id of the record's inputs or outputs. */
                file: string;
            };
            cookie?: never;
        };
        /** Download an input or output file of a record */
        get: operations["downloadRecordFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/records/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach input and output files to one of the signed-in user's records
         * @description The dashboard's way to attach files (tools use `file/push`), with the same rules:
         *     `multipart/form-data` with files in the fields `inputs` and `outputs` (each repeatable) and an
         *     optional `manifest` (JSON text, sent **before** the files) giving names, relative paths,
         *     media types and the sha256 each file must match (422 otherwise, and nothing is kept).
         *     Files stream into storage; identical content is stored once; a file with the name of an
         *     existing input (or output) whose bytes were uploaded replaces it (new `sha256`, `size`,
         *     `file`; no duplicate entry), while an entry declared with a `sha256` but no bytes yet must
         *     receive exactly those bytes. Someone else's record is a 403 (404 when private).
         */
        post: operations["uploadRecordFiles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/records/{a}/compare/{b}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The first record's id (the one a request would be sent from). */
                a: components["schemas"]["Id"];
                /** @description The second record's id (the one a request would be sent toward). */
                b: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Compare two records (the evidence a diff request would carry)
         * @description Computes the evidence (code, inputs and outputs sameness) for two records the caller can
         *     see, the assessment table cell it falls in, and the propositions a diff request could make
         *     with each method.
         *
         *     The cost is bounded, since anyone may ask for it on public records: each text output pair
         *     gets a limited amount of work and the whole comparison about a second of computing. Beyond
         *     that a distance is given as bounds (`exact: false`, `lowerBound` ≤ true distance ≤
         *     `distance`): an upper bound within the tolerance is "same", a lower bound beyond it is
         *     "different", and a tolerance between the bounds leaves the pair undecided (`same: false`,
         *     a `note` saying it is not shown to be the same; it is not called different). Distances are
         *     kept by the digests of the bytes compared, so a repeated comparison costs nothing (and may
         *     be exact where a first one ran out of budget). A comparison whose client disconnects is
         *     stopped. Anonymous visitors may compare a limited number of times per address and window,
         *     signed-in users more per account (429 `too_many_requests` with `Retry-After`).
         */
        get: operations["compareRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user's reviewer links, newest first, with their last use
         * @description Live and expired links (`expired` says which); a revoked link is gone. The secret is never
         *     shown again, only its first characters (`prefix`).
         */
        get: operations["listMyLinks"];
        put?: never;
        /**
         * Make a read-only reviewer link to one of the signed-in user's projects or records
         * @description The link names exactly one of `project` or `record` (ids; otherwise a `400`) of the
         *     caller's own: a private one of somebody else is a `404`, a public one a `403`. Whoever
         *     holds its URL (`PUBLIC_URL/shared/<secret>`) sees what it names without an account —
         *     a project with all its records and containers, or the one record and the container it
         *     ran in — downloads their files and compares them with each other, and writes nothing,
         *     until it `expires` (a time in the future, else a `400`; none: until revoked) or is
         *     revoked (`DELETE`); then it is a `404` at once, on every instance of the service.
         *     `anonymous` hides the owner's name and email everywhere the link reaches (double-blind
         *     review). The 256-bit secret (`rpl_` and 43 base64url characters) is in this answer only;
         *     it is stored as its sha256 and never logged. The API reads through links too:
         *     `/api/v1/shared/{secret}/record/display/{record}` and `…/file/pull/{record}/{file}`.
         */
        post: operations["createMyLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A link id (not its secret). */
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        /** One of the signed-in user's reviewer links (anyone else's is a 404) */
        get: operations["getMyLink"];
        put?: never;
        post?: never;
        /**
         * Revoke one of the signed-in user's reviewer links (anyone else's is a 404)
         * @description The link is deleted; every request through it is a `404` from then on.
         */
        delete: operations["revokeMyLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/records/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish one record (and the container it ran in) without publishing its project
         * @description The record becomes public (`private: false`, `published: true`) with its container, while
         *     the rest of a private project stays private (its other records, its containers and the
         *     project itself are `404` to others). It shows in public browsing and search, anyone can
         *     read it, download its files and compare it, and it can be the target (`toward`) of diff
         *     requests. It stays public when its project turns private.
         */
        post: operations["publishMyRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/records/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a published record back to its project's privacy
         * @description The record is as private as its project again (a `404` to others when the project is
         *     private), and so is its container unless another published record of the project ran in
         *     it. Diff requests from or toward it are kept, with their verdicts and seals: their sender
         *     and target owner still see them, anyone else no longer does (as when a project turns
         *     private). A proposed request toward it can still be answered by its owner.
         */
        post: operations["unpublishMyRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/shared/{secret}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
            };
            cookie?: never;
        };
        /**
         * What a reviewer link names (no session needed)
         * @description The project (with the containers and counts within the link's reach) and, for a link to
         *     one record, that record. A link that does not exist, was revoked or has expired is a
         *     `404`. Through an anonymous link the owner shows as
         *     `{id: "000000000000000000000000", name: "Anonymous"}` and the owner's name and email are
         *     replaced by `[hidden]` wherever they appear in text, in every answer under this path.
         */
        get: operations["openSharedLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/shared/{secret}/records": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
            };
            cookie?: never;
        };
        /** The records a reviewer link reaches, newest first */
        get: operations["listSharedRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/shared/{secret}/records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        /** One record a reviewer link reaches, with every field */
        get: operations["getSharedRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/shared/{secret}/records/{id}/files/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
                /** @description A file name, sha256 or file id of the record's inputs or outputs. */
                file: string;
            };
            cookie?: never;
        };
        /** Download an input or output file of a record a reviewer link reaches */
        get: operations["downloadSharedFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/shared/{secret}/records/{a}/compare/{b}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
                /** @description The first record's id. */
                a: components["schemas"]["Id"];
                /** @description The second record's id. */
                b: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Compare two records a reviewer link reaches
         * @description As `compareRecords`, for two records within the link's reach (any other is a `404`), with
         *     the same bounded cost and the same per-address limit as anonymous comparisons.
         */
        get: operations["compareSharedRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/public/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browse and search public projects, most recently active first */
        get: operations["browsePublicProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/public/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browse and search public records, most recently active first */
        get: operations["browsePublicRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/public/projects/{id}/badge.svg": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        /**
         * A reproducibility badge for a public project's README
         * @description An SVG like "reproducibility | 3 repeated · 1 reproduced". Public projects only: private and unknown ones are a 404.
         */
        get: operations["getReproducibilityBadge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/diffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's diff requests received (inbox) or sent (outbox), newest first */
        get: operations["listDiffRequests"];
        put?: never;
        /**
         * Ask a record's owner to confirm a proposition about it and one of the caller's records
         * @description `from` is one of the caller's records; `toward` is a record of someone else that the caller
         *     can see. The evidence is computed now and stored with the request. The proposition must
         *     agree with the assessment table: with method `default` the table cell decides it; with
         *     `visual` and `custom` the caller asserts output sameness, so code & inputs decide between
         *     repeated/non-repeated and reproduced/non-reproduced. Anything else is a 422 naming the cell.
         *
         *     One request per ordered pair (`from`, `toward`) while it is `proposed` or `agreed`, also
         *     under concurrent creations: a second one is a 409 `duplicate_request` whose `details` are
         *     `{diffRequest: <id of the first>, status}`. Once the first is denied or withdrawn the pair
         *     is free again. The opposite direction (`toward` → `from`) is another pair.
         *
         *     The request keeps the digests its evidence was computed from (`basis`).
         */
        post: operations["createDiffRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/diffs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A diff request id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d2
                 */
                id: components["parameters"]["diffId"];
            };
            cookie?: never;
        };
        /**
         * One diff request
         * @description Visible to its sender and target owner, and to everyone when both records are public.
         *     The evidence is shown only to callers who can see both records.
         */
        get: operations["getDiffRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/diffs/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A diff request id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d2
                 */
                id: components["parameters"]["diffId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a request the caller sent, while it is proposed */
        post: operations["withdrawDiffRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/diffs/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A diff request id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d2
                 */
                id: components["parameters"]["diffId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Agree to or deny a request toward one of the caller's records
         * @description Only the target owner answers, exactly once: the first answer wins and every later or
         *     concurrent one gets a 409. Someone who can see the request but is not its target owner gets
         *     a 403; someone who cannot see it, a 404.
         *
         *     Agreeing seals both records (see "Verdicts seal their records" above). It is refused with a
         *     409 `evidence_outdated` (`details`: `{record, side}`) when either record changed after the
         *     request was made, since the evidence would no longer describe it. Denying frees the pair
         *     of records for a new request.
         */
        post: operations["answerDiffRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/records/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a record the viewer may see (RO-Crate, PROV-JSON or a citation)
         * @description The dashboard's form of `record/export` (see there); a record the viewer may not see is a 404.
         */
        get: operations["exportRecordById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/projects/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export every record of a project the viewer may see (RO-Crate or PROV-JSON) */
        get: operations["exportProjectById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/diffs/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a verdict with its evidence and both records (RO-Crate, PROV-JSON or a citation)
         * @description See `/api/v1/public/verdict/export/{id}`; the records the viewer may not see are left out of the crate.
         */
        get: operations["exportVerdict"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user's notifications, newest first
         * @description One notification per event told to the user: a diff request received (`request.received`),
         *     one of theirs answered (`request.answered`), a request to them withdrawn
         *     (`request.withdrawn`), a reproduction they asked for ended (`reproduction.finished`).
         *     `link` is the dashboard page it is about. The same events go out by email (when the server
         *     has SMTP and the user has not opted out of the kind) and to the user's webhooks.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/notifications/unread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of the signed-in user's notifications are unread (the header's count) */
        get: operations["countUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every notification of the signed-in user read */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A notification id. */
                id: components["parameters"]["notificationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one notification read
         * @description Someone else's notification, like a missing one, is a 404.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/notifications/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's email settings */
        get: operations["getNotificationSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Choose the kinds of event the signed-in user gets no email for
         * @description Takes effect at once, also for emails already queued (they are dropped when their turn comes).
         */
        patch: operations["setNotificationSettings"];
        trace?: never;
    };
    "/cloud/v1/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Follow an email's unsubscribe link (no session needed)
         * @description Every notification email ends with a link to the dashboard's `/unsubscribe?token=…` page,
         *     which sends the token here. The token names the user and the kind of event and is signed by
         *     the server (HMAC), so no session is needed; from this answer on, that user gets no email of
         *     that kind (undo it on the account page). A token that is not the server's is a 400
         *     `invalid_unsubscribe_token`. Tokens are redacted from logs.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's webhooks (at most 20, newest first) */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Add a webhook; its signing secret is answered this once
         * @description The user's events (all kinds, or those `events` lists) are POSTed to `url` as JSON
         *     `{id, event, created, data}` with the headers `X-Reprise-Event` (the kind),
         *     `X-Reprise-Delivery` (the delivery's id) and `X-Reprise-Signature: sha256=<hex HMAC-SHA256
         *     of the body with the secret>`; `id` is the event's id, the same in every delivery and
         *     redelivery of it (a receiver can drop repeats by it). Verify with the SDK's
         *     `verifyWebhook(body, header, secret)`.
         *
         *     A delivery succeeds on a 2xx answer within 10 s; anything else (another status, no answer,
         *     a receiver that hangs) is retried after 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h and 12 h,
         *     then given up. Redirects are followed (at most 3) with the same signed POST. After 15
         *     failed attempts in a row the webhook is disabled (`disabled` says when and why) until it is
         *     enabled again.
         *
         *     The URL is refused with a 400 `webhook_url_refused` when it is not http(s), longer than
         *     2048 characters, holds a user name or password, does not resolve, or resolves to a private,
         *     loopback or link-local address (unless the server sets `WEBHOOK_ALLOW_PRIVATE=true`). The
         *     same check runs again at every delivery and every redirect, on the address the connection
         *     is then made to.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A webhook id. */
                id: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        /** One of the signed-in user's webhooks */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook with its delivery log (queued deliveries are dropped) */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A webhook id. */
                id: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn a webhook that repeated failures disabled back on */
        post: operations["enableWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A webhook id. */
                id: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        /** A webhook's deliveries, newest first, with every attempt's answer and time */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/webhooks/{id}/deliveries/{delivery}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A webhook id. */
                id: components["parameters"]["webhookId"];
                /** @description A delivery id. */
                delivery: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again (a new delivery of the same event and body, queued now)
         * @description A disabled webhook is a 409 `webhook_disabled`; enable it first.
         */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/records/{id}/reproductions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a visible record to be run again by one of the caller's workers
         * @description Anyone who can see the record may ask for it to be reproduced into a project of their own
         *     (`project`: its id). The job starts `queued`; a worker of the caller's (`reprise worker`,
         *     with the caller's API token) leases it, runs the record's program again and reports the
         *     new record, and the platform files the diff request the assessment table allows toward the
         *     original. `tolerance` is the Levenshtein tolerance of text outputs; `rtol` and `atol` are
         *     kept with the job for numeric comparison. A record the caller cannot see, or a project
         *     that is not theirs, is a 404.
         */
        post: operations["requestReproduction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/reproductions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's reproduction jobs, newest first */
        get: operations["listReproductions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/reproductions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reproduction job id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d3
                 */
                id: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        /** One of the signed-in user's reproduction jobs, with its log tail */
        get: operations["getReproduction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/v1/reproductions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reproduction job id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d3
                 */
                id: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a job while it is queued or running
         * @description A queued job is never leased; a running job's worker learns it at its next heartbeat and
         *     stops the run. A job that already ended is a 409 `job_closed`.
         */
        post: operations["cancelReproduction"];
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
                code: components["schemas"]["ErrorCode"];
                /** @description What went wrong and what to do, for a person. */
                message: string;
                /** @description Machine-readable specifics (for example the failing fields). */
                details?: unknown;
            };
        };
        /**
         * @description The stable snake_case code of an error, one of this list: clients may switch on it. Adding a
         *     code is a change of this description; the services cannot send one that is not listed.
         * @enum {string}
         */
        ErrorCode: "bad_request" | "validation_failed" | "malformed_json" | "malformed_multipart" | "invalid_value" | "unknown_field" | "invalid_query" | "unauthorized" | "invalid_credentials" | "wrong_password" | "csrf_failed" | "origin_refused" | "forbidden" | "not_found" | "route_not_found" | "method_not_allowed" | "no_container" | "no_image" | "image_in_registry" | "file_not_uploaded" | "unknown_container" | "invalid_name" | "invalid_project_name" | "invalid_label" | "reserved_label" | "label_mismatch" | "name_shadows_id" | "name_taken" | "label_taken" | "invalid_email" | "email_taken" | "weak_password" | "invalid_status_transition" | "digest_mismatch" | "record_sealed" | "invalid_crate" | "not_a_run" | "not_owner" | "not_your_record" | "not_target_owner" | "not_sender" | "same_owner" | "same_record" | "description_required" | "proposition_not_allowed" | "already_closed" | "duplicate_request" | "evidence_outdated" | "webhook_url_refused" | "webhook_disabled" | "invalid_unsubscribe_token" | "lease_lost" | "job_closed" | "conflict" | "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_unavailable" | "payload_too_large" | "unsupported_media_type" | "range_not_satisfiable" | "too_many_requests" | "internal_error" | "service_unavailable" | "shutting_down";
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
            /** @description The build recipe of this version, kept as text and shown with the container. */
            recipe?: {
                /** @description Its file name, for example `Dockerfile` or `sim.def`. */
                name?: string;
                /** @description The Dockerfile or Singularity definition file itself (text; a NUL character is a 400). */
                text: string;
            };
        };
        /**
         * @description What an uploaded SIF image says about itself. `readable` is false (and `problem` says why)
         *     when the file is meant to be a SIF but its header or descriptors cannot be read; the image
         *     is kept all the same. `problem` may also be set on a readable SIF whose labels could not be
         *     read.
         */
        SifMetadata: {
            readable: boolean;
            problem: string | null;
            /** @description The SIF format version, for example "01". */
            version: string | null;
            /** @description The primary partition's architecture (amd64, arm64, …). */
            arch: string | null;
            uuid: string | null;
            /** Format: date-time */
            created: string | null;
            /** Format: date-time */
            modified: string | null;
            descriptors: {
                id: number;
                /** @description Def.FILE, Env.Vars, JSON.Labels, FS, Signature, JSON.Generic, … */
                type: string;
                name: string;
                size: number;
                /** @description A partition's file system (Squashfs, …). */
                fs: string | null;
                /** @description A partition's type (System, Primary system, Data, Overlay). */
                partition: string | null;
                arch: string | null;
            }[];
            /** @description The image's labels in their order, as name/value pairs. */
            labels: {
                name: string;
                value: string;
            }[];
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
                sif?: null | components["schemas"]["SifMetadata"];
            };
            recipe: null | {
                name: string | null;
                text: string;
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
            /** @description The file's name (no "/", no control characters, no bidirectional override or isolate characters); stored in NFC. */
            name: string;
            /** @description Relative path in the run's working directory (no "..", no leading "/"); stored in NFC. */
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
            /**
             * @description The content's sha1 as Sumatra reports it (records written through the Sumatra record store);
             *     absent when unknown. The assessment compares it when a side has no sha256.
             */
            sha1?: string;
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
            /**
             * @description The container the run happened in (one of the project's). On creation, `null` says it
             *     ran in none of them (a laptop run, say) and the record gets no container; omitting it
             *     means the project's latest container. An update that names one moves the record to it (or to
             *     none with `null`); a container of another project is a `422` `unknown_container`.
             */
            container?: components["schemas"]["Id"] | null;
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
            metrics?: components["schemas"]["Metrics"];
        };
        /**
         * @description The run's final scalar results by name, e.g. `{"error": 0.0012, "steps": 400}`: numbers only.
         *     Names may contain "." (`train.loss`); each is addressable as `metrics.<name>` in `where` and
         *     `sort`. An update replaces the whole set, like `parameters`.
         */
        Metrics: {
            [key: string]: number;
        };
        ImportResult: {
            record: components["schemas"]["Record"];
            /** @description Entities of the crate (by `@id`) and their properties that no record field took; they are kept under the record's `custom["ro-crate"]`. */
            unmapped: {
                id: string;
                type: string[];
                properties: string[];
            }[];
        };
        RecordPush: {
            /**
             * @description Unique in the project; a timestamp label is given when omitted. Stored in NFC; no control
             *     or bidirectional override/isolate characters, and not 24 hex digits (`name_shadows_id`).
             */
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
            /** @description Published by its owner on its own (public, with its container, even while its project is private). */
            published: boolean;
            inputs?: components["schemas"]["FileRef"][];
            outputs?: components["schemas"]["FileRef"][];
            created: components["schemas"]["Timestamp"];
            updated: components["schemas"]["Timestamp"];
            metrics?: components["schemas"]["Metrics"];
            /**
             * @description The value at each path the list was asked for with `columns` (null when the record has
             *     no scalar there). Present only when `columns` was given.
             */
            columns?: {
                [key: string]: number | string | boolean | null;
            };
        };
        /**
         * @description The scalar paths of parameters and metrics found in a project's most recent records (up to
         *     1,000 of them), most varying first: what a worksheet offers as columns and `where` completes.
         */
        RecordPathPage: {
            /** @description How many records were read. */
            records: number;
            data: {
                /** @example parameters.solver.cfl */
                path: string;
                /** @enum {string} */
                kind: "number" | "string" | "boolean" | "mixed";
                /** @description How many of the records read carry a scalar at this path. */
                records: number;
                /** @description How many different values it takes among them. */
                distinct: number;
                /** @description True when it takes more than one value, or some records lack it. */
                varies: boolean;
            }[];
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
        Registration: {
            /** @description An email address (stored trimmed and lower-cased); a malformed one is a 400 `invalid_email`. */
            email: string;
            /** @description At least 10 characters; not the email, the name or one repeated character. */
            password: string;
            /** @description The name others see. */
            name: string;
        };
        Credentials: {
            email: string;
            password: string;
        };
        Me: {
            id: components["schemas"]["Id"];
            email: string;
            name: string;
            created: components["schemas"]["Timestamp"];
        };
        CsrfToken: {
            csrfToken: string;
        };
        /** @description What may be shown of the API token; the token itself is shown only when made. */
        TokenInfo: {
            /** @example rpr_3q2m4Jw0 */
            prefix: string;
            created: components["schemas"]["Timestamp"];
            lastUsed: null | components["schemas"]["Timestamp"];
        };
        Account: components["schemas"]["Me"] & {
            /** @description The API token's prefix and dates, or null when there is none. */
            token: null | components["schemas"]["TokenInfo"];
        };
        AccountUpdate: {
            name: string;
        };
        PasswordChange: {
            currentPassword: string;
            newPassword: string;
        };
        NewToken: {
            /** @description The API token. Shown this once; store it in your tool's configuration. */
            token: string;
            prefix: string;
            created: components["schemas"]["Timestamp"];
        };
        ProjectCreate: {
            /** @description Letters, digits, ".", "_" and "-", starting with a letter or digit; 1 to 100 characters; unique among the caller's projects. */
            name: string;
            description?: string;
            goals?: string;
            tags?: components["schemas"]["Tags"];
            /** @description Private (the default) means invisible to everyone else. */
            private?: boolean;
            custom?: components["schemas"]["Freeform"];
        };
        ProjectEdit: {
            /** @description A new name (same rules as on creation). */
            name?: string;
            description?: string;
            goals?: string;
            tags?: components["schemas"]["Tags"];
            private?: boolean;
            custom?: components["schemas"]["Freeform"];
        };
        RecordEdit: {
            reason?: string;
            outcome?: string;
            tags?: components["schemas"]["Tags"];
        };
        DeletionReport: {
            deleted: {
                records: number;
                containers: number;
                diffRequests: number;
                /** @description Stored files that nothing referenced any more. */
                files: number;
            };
        };
        ContainerPage: {
            data: components["schemas"]["Container"][];
            page: components["schemas"]["PageInfo"];
        };
        /**
         * @description `default`: outputs compared byte for byte (text within the tolerance); `visual` and `custom`: the sender asserts output sameness (custom says how in the description).
         * @enum {string}
         */
        DiffMethod: "default" | "visual" | "custom";
        /** @enum {string} */
        Proposition: "repeated" | "reproduced" | "non-repeated" | "non-reproduced";
        /** @enum {string} */
        DiffStatus: "proposed" | "agreed" | "denied" | "withdrawn";
        /**
         * @description The cell of the assessment table (paper table 1) the evidence falls in: outputs same →
         *     repeatable (code & inputs same) or reproducible; outputs different → non-repeatable (code &
         *     inputs same) or unknown. `not-comparable`: the outputs could not be compared (some output
         *     pair has no digest both sides have, and no pair differs), so the pair is in no cell of the
         *     table: method `default` accepts no proposition, while `visual` and `custom` (the requester
         *     judges the outputs) accept what code & inputs allow (`repeated`/`non-repeated` when both are
         *     the same, else `reproduced`/`non-reproduced`).
         * @enum {string}
         */
        AssessmentCell: "repeatable" | "reproducible" | "non-repeatable" | "unknown" | "not-comparable";
        JsonDifferences: {
            same: boolean;
            /** @description Leaves that differ, by JSON Pointer (at most 200). */
            differences: {
                /** @description JSON Pointer (RFC 6901) of the leaf; "" for the whole value. */
                key: string;
                /** @description A scalar (strings cut at 1,000 characters), or {} / [] for an empty container; absent when missing on A. */
                a?: unknown;
                /** @description The same for B. */
                b?: unknown;
            }[];
            truncated: boolean;
        };
        /** @description The source version a record ran, from its program's `versionControl`, else its container's `version`. */
        VcsIdentity: {
            /** @enum {string} */
            source: "program" | "container";
            vcs: string | null;
            repository: string | null;
            commit: string;
            branch: string | null;
            tag: string | null;
            dirty: boolean | null;
            /** @description sha256 of the working-tree diff; null for a clean tree (or when unknown: see `dirty`). */
            diff: string | null;
        };
        /** @description The container image of a record's container: an uploaded file's sha256 and/or a registry digest. */
        ImageIdentity: {
            sha256: string | null;
            digest: string | null;
            reference: string | null;
        };
        /** @description Everything that identifies the code one record ran. */
        CodeIdentity: {
            vcs: null | components["schemas"]["VcsIdentity"];
            /** @description The container document's id. */
            container: string | null;
            image: null | components["schemas"]["ImageIdentity"];
        };
        /** @description One side of an output pair. */
        OutputSide: {
            name: string;
            path: string | null;
            sha256: string | null;
            /** @description Sumatra's sha1, when the record came through its record store. */
            sha1: string | null;
            size: number | null;
            mediaType: string | null;
            /** @description Whether the bytes were uploaded (only then can a text distance be measured). */
            uploaded: boolean;
        };
        /** @description A dependency on one side only. */
        DependencyEntry: {
            name: string;
            manager: string | null;
            version: string;
        };
        /** @description A dependency on both sides with different versions. */
        DependencyChange: {
            name: string;
            manager: string | null;
            a: string;
            b: string;
        };
        /** @description Two outputs paired by name (then path) and how they compare. */
        OutputPair: {
            name: string;
            path: string | null;
            /** @description A's side; null when missing. */
            a: null | components["schemas"]["OutputSide"];
            /** @description B's side; null when missing. */
            b: null | components["schemas"]["OutputSide"];
            /**
             * @description Outputs compare by a digest both sides have: sha256, else sha1 (Sumatra's). `identical`: that
             *     digest is equal; `text-distance`, `different-binary`, `different-unmeasured`: it differs (a
             *     Levenshtein distance is measured for uploaded text); `not-comparable`: no digest both sides
             *     have (none on a side, or sha256 on one and only sha1 on the other), so the pair is neither
             *     the same nor different; `unknown`: evidence of version 1 only, where such a pair counted as
             *     different; `missing-a`/`missing-b`: the output exists on one side only. `numeric` (evidence
             *     version 3): different digests, but both sides are tables of numbers (CSV, TSV or
             *     whitespace columns, header optional) or JSON, compared value by value (see `numeric`).
             * @enum {string}
             */
            result: "identical" | "numeric" | "text-distance" | "different-binary" | "different-unmeasured" | "not-comparable" | "unknown" | "missing-a" | "missing-b";
            /**
             * @description The digest the pair was compared by; absent when it has none in common.
             * @enum {string}
             */
            digest?: "sha256" | "sha1";
            /** @description Identical, or a text distance within the tolerance. */
            same: boolean;
            /** @description Levenshtein distance in UTF-16 code units (an upper bound when `exact` is false). */
            distance?: number;
            /** @description 1 − distance / longer length. */
            similarity?: number;
            /** @description False when the distance is only bounded: the true distance lies between `lowerBound` and `distance`. */
            exact?: boolean;
            /** @description How the distance was computed. */
            method?: string;
            /** @description The true distance is at least this (equal to `distance` when exact). */
            lowerBound?: number;
            /** @description Why no distance was measured, when none was; for a bounded distance, what the bounds show (including "undecided" when the tolerance lies between them). */
            note?: string;
            numeric?: components["schemas"]["NumericComparison"];
            /** @description Why a pair of text outputs was not compared as numbers (and so as text), e.g. the first field that is not a number. */
            notNumeric?: string;
        };
        /**
         * @description A tolerance of numeric outputs (numpy's isclose; 0 means equal values).
         * @default 0
         */
        NumericTolerance: number;
        /**
         * @description Two outputs compared value by value: values a (in A) and b (in B) at the same place are close
         *     when a = b or |a − b| ≤ atol + rtol·|b| (numpy's isclose: NaN is close to nothing, an infinity
         *     only to itself). JSON values other than numbers must be equal. The pair is the same when the
         *     shapes match and no value differs.
         */
        NumericComparison: {
            rtol: number;
            atol: number;
            /** @description Values compared. */
            compared: number;
            /** @description Values not close. */
            differing: number;
            same: boolean;
            shapes: {
                same: boolean;
                a: components["schemas"]["NumericShape"];
                b: components["schemas"]["NumericShape"];
                /** @description How the shapes differ (rows, columns, header, JSON structure). */
                mismatch?: string;
            };
            /** @description The largest |a − b| among finite values, where it is; null when no two finite values differ. */
            maxAbs: null | components["schemas"]["NumericExtreme"];
            /** @description The largest |a − b| / |b| among finite values with b ≠ 0, where it is; null when none differ. */
            maxRel: null | components["schemas"]["NumericExtreme"];
            /** @description The first values that are not close, in reading order. */
            differences: components["schemas"]["NumericExtreme"][];
        };
        NumericShape: {
            /** @enum {string} */
            format: "csv" | "tsv" | "whitespace" | "json";
            /** @description Rows of numbers (tables; null for JSON). */
            rows: number | null;
            /** @description Values per row (tables; null for JSON). */
            columns: number | null;
            /** @description Values in all (JSON leaves). */
            values: number;
            /** @description The header row's column names, when the table has one. */
            names: string[] | null;
        };
        /** @description A pair of values and where they are; NaN and infinities are written "NaN", "inf", "-inf". */
        NumericExtreme: {
            /** @description The difference (absolute for maxAbs, relative for maxRel). */
            value?: number;
            a: number | string | boolean | null;
            b: number | string | boolean | null;
            at: components["schemas"]["NumericLocation"];
        };
        /** @description A place in a table (row and column from 1, with the column's header name) or in JSON (a JSON Pointer). */
        NumericLocation: {
            row?: number;
            column?: number;
            name?: string;
            pointer?: string;
        };
        /**
         * @description The comparison of records A and B computed by the assessment engine: code, inputs and
         *     outputs sameness (what the table decides from), with dependency, system and program
         *     differences for reviewers. Contains no client-chosen object keys.
         */
        Evidence: {
            /** @description Version of this shape: 3 since text outputs that are tables of numbers or JSON compare value by value (`numeric`); 2 since outputs without a common digest are not comparable (1 counted them as different). */
            version: number;
            a: {
                record: components["schemas"]["Id"];
                label: string;
                project: components["schemas"]["Id"];
            };
            b: {
                record: components["schemas"]["Id"];
                label: string;
                project: components["schemas"]["Id"];
            };
            code: {
                same: boolean;
                /**
                 * @description vcs: commits and working-tree diff digests; container: the same container; image: image digests; unknown: nothing shows the code is the same.
                 * @enum {string}
                 */
                basis: "vcs" | "container" | "image" | "unknown";
                reason: string;
                a: components["schemas"]["CodeIdentity"];
                b: components["schemas"]["CodeIdentity"];
            };
            inputs: {
                same: boolean;
                reason: string;
                digests: {
                    same: boolean;
                    /** @description Digests matched on both sides: sha256, else (40 hex digits) sha1. */
                    common: string[];
                    onlyA: string[];
                    onlyB: string[];
                    unknownA: string[];
                    unknownB: string[];
                };
                parameters: components["schemas"]["JsonDifferences"];
            };
            /**
             * @description The outputs are the same when every pair is identical or within the tolerance, and
             *     different when a pair differs or is missing on one side. When no pair differs but a pair
             *     is `not-comparable`, they are neither: `comparable` is false, `same` false, `reason` names
             *     the pairs, and `cell` is `not-comparable`.
             */
            outputs: {
                same: boolean;
                /** @description False when the comparison cannot tell whether the outputs are the same (absent in version 1 evidence, which had no such case). */
                comparable?: boolean;
                reason: string;
                tolerance: number;
                /** @description Relative tolerance of numeric pairs (absent before evidence version 3). */
                rtol?: number;
                /** @description Absolute tolerance of numeric pairs (absent before evidence version 3). */
                atol?: number;
                textLimitBytes: number;
                pairs: components["schemas"]["OutputPair"][];
            };
            dependencies: {
                same: boolean;
                added: components["schemas"]["DependencyEntry"][];
                removed: components["schemas"]["DependencyEntry"][];
                changed: components["schemas"]["DependencyChange"][];
                unchanged: number;
            };
            system: components["schemas"]["JsonDifferences"];
            program: components["schemas"]["JsonDifferences"];
            cell: components["schemas"]["AssessmentCell"];
            computedAt: components["schemas"]["Timestamp"];
        };
        Tally: {
            repeated: number;
            reproduced: number;
            "non-repeated": number;
            "non-reproduced": number;
            total: number;
        };
        /**
         * @example {
         *       "project": "6560a1b2c3d4e5f6a7b8c9d0",
         *       "tally": {
         *         "repeated": 3,
         *         "reproduced": 1,
         *         "non-repeated": 0,
         *         "non-reproduced": 0,
         *         "total": 4
         *       },
         *       "records": [
         *         {
         *           "record": "6560a1b2c3d4e5f6a7b8c9d1",
         *           "label": "run-42",
         *           "tally": {
         *             "repeated": 3,
         *             "reproduced": 1,
         *             "non-repeated": 0,
         *             "non-reproduced": 0,
         *             "total": 4
         *           }
         *         }
         *       ]
         *     }
         */
        Reproducibility: {
            project: components["schemas"]["Id"];
            tally: components["schemas"]["Tally"];
            /** @description The project's records that have agreed requests, most first. */
            records: {
                record: components["schemas"]["Id"];
                label: string;
                tally: components["schemas"]["Tally"];
            }[];
        };
        Comparison: {
            a: components["schemas"]["RecordSummary"];
            b: components["schemas"]["RecordSummary"];
            tolerance: number;
            rtol: number;
            atol: number;
            evidence: components["schemas"]["Evidence"];
            cell: components["schemas"]["AssessmentCell"];
            /** @description The propositions a request from `a` toward `b` may make, per method (`default` is empty when the cell is `not-comparable`). */
            propositions: {
                default: components["schemas"]["Proposition"][];
                visual: components["schemas"]["Proposition"][];
                custom: components["schemas"]["Proposition"][];
            };
        };
        LinkCreate: {
            /** @description The id of one of the caller's projects (give this or `record`). */
            project?: components["schemas"]["Id"];
            /** @description The id of one of the caller's records (give this or `project`). */
            record?: components["schemas"]["Id"];
            /** @description When the link stops working (in the future); none for never (until revoked). */
            expires?: components["schemas"]["Timestamp"];
            /**
             * @description Hide the owner's name and email from whoever holds the link.
             * @default false
             */
            anonymous?: boolean;
        };
        Link: {
            id: components["schemas"]["Id"];
            project: components["schemas"]["Id"];
            projectName: string;
            /** @description The one record the link names, or null for the whole project. */
            record: string | null;
            recordLabel: string | null;
            /** @description The first characters of the secret, to tell links apart. */
            prefix: string;
            anonymous: boolean;
            /** Format: date-time */
            expires: string | null;
            expired: boolean;
            /**
             * Format: date-time
             * @description When the link was last opened (to the minute), or null.
             */
            lastUsed: string | null;
            created: components["schemas"]["Timestamp"];
        };
        NewLink: components["schemas"]["Link"] & {
            /** @description The link's secret. Shown this once; only its hash is stored. */
            secret: string;
            /** @description The dashboard's read-only view of what the link names (`PUBLIC_URL/shared/<secret>`). */
            url: string;
        };
        LinkPage: {
            data: components["schemas"]["Link"][];
            page: components["schemas"]["PageInfo"];
        };
        SharedView: {
            link: {
                /** @enum {string} */
                kind: "project" | "record";
                anonymous: boolean;
                /** Format: date-time */
                expires: string | null;
            };
            project: components["schemas"]["ProjectDetail"];
            /** @description The one record a record link names; null for a project link. */
            record: components["schemas"]["Record"] | null;
        };
        DiffRequestCreate: {
            /** @description One of the caller's records. */
            from: components["schemas"]["Id"];
            /** @description Someone else's record the caller can see; its owner answers. */
            toward: components["schemas"]["Id"];
            /** @default default */
            method?: components["schemas"]["DiffMethod"];
            /** @description What was compared and how; required for method `custom`. */
            description?: string;
            /**
             * @description The Levenshtein distance (UTF-16 code units) allowed per text output for it to count as the same (method default).
             * @default 0
             */
            tolerance?: number;
            /** @description Relative tolerance of numeric outputs (method default), |a − b| ≤ atol + rtol·|b|. */
            rtol?: components["schemas"]["NumericTolerance"];
            /** @description Absolute tolerance of numeric outputs (method default), |a − b| ≤ atol + rtol·|b|. */
            atol?: components["schemas"]["NumericTolerance"];
            proposition: components["schemas"]["Proposition"];
        };
        DiffAnswerInput: {
            /** @enum {string} */
            answer: "agreed" | "denied";
            comment?: string;
        };
        /** @description A record a request involves; its label and project are shown only to callers who can see it. */
        RecordRef: {
            id: components["schemas"]["Id"];
            visible: boolean;
            label?: string;
            project?: components["schemas"]["Id"];
            projectName?: string;
        };
        DiffRequestSummary: {
            id: components["schemas"]["Id"];
            sender: components["schemas"]["UserRef"];
            targetOwner: components["schemas"]["UserRef"];
            from: components["schemas"]["RecordRef"];
            toward: components["schemas"]["RecordRef"];
            method: components["schemas"]["DiffMethod"];
            description: string;
            tolerance: number;
            /** @description Relative tolerance of numeric outputs the evidence was computed with. */
            rtol: number;
            /** @description Absolute tolerance of numeric outputs the evidence was computed with. */
            atol: number;
            proposition: components["schemas"]["Proposition"];
            cell: components["schemas"]["AssessmentCell"];
            status: components["schemas"]["DiffStatus"];
            answer: null | {
                by: components["schemas"]["UserRef"];
                at: components["schemas"]["Timestamp"];
                comment: string;
            };
            created: components["schemas"]["Timestamp"];
            updated: components["schemas"]["Timestamp"];
        };
        DiffRequest: components["schemas"]["DiffRequestSummary"] & {
            /** @description The evidence computed when the request was made; null for callers who cannot see both records. */
            evidence: null | components["schemas"]["Evidence"];
            /**
             * @description The digests the evidence was computed from, kept with the request so that anyone can
             *     check the verdict later against the records (which an agreement seals). Null for
             *     callers who cannot see both records, and for requests made before bases were kept.
             */
            basis: null | components["schemas"]["VerdictBasis"];
        };
        VerdictBasis: {
            from: components["schemas"]["VerdictSide"];
            toward: components["schemas"]["VerdictSide"];
        };
        /** @description One record of a verdict as it was when the evidence was computed. */
        VerdictSide: {
            record: components["schemas"]["Id"];
            label: string;
            /** @description The code identity the evidence compared, as in the evidence's `code.a`/`code.b` (version control with working-tree diff digest, container id, image digests). */
            code: Record<string, never> | null;
            /** @description sha256 (hex) of the parameters as canonical JSON (keys sorted, no spaces); null without parameters. */
            parameters: string | null;
            inputs: components["schemas"]["FileDigest"][];
            outputs: components["schemas"]["FileDigest"][];
            /**
             * @description sha256 (hex) over every sealed field of the record (program, parameters, inputs,
             *     outputs, container, dependencies, system); the record still is what was assessed
             *     exactly when its sealed fields hash to this.
             */
            sealed: string;
        };
        FileDigest: {
            name: string;
            path: string | null;
            sha256: string | null;
            /** @description Sumatra's sha1 (null when the entry has none; absent on requests made before it was kept). */
            sha1?: string | null;
            size: number | null;
        };
        /**
         * @description Where a reproduction job is: `queued` → `running` (leased by a worker; leased again by
         *     another worker when its lease expires) → `finished` (the run finished and was assessed),
         *     `failed` (it could not run, or did not finish; `reason` says why) or `cancelled` (by its
         *     requester, while queued or running).
         * @enum {string}
         */
        JobState: "queued" | "running" | "finished" | "failed" | "cancelled";
        /**
         * @description How a worker runs the record: `native` (the repository cloned at the recorded commit, in
         *     a fresh directory, a scrubbed environment and limits, under bubblewrap when present),
         *     `docker`/`podman` (the recorded image), `apptainer`/`singularity` (a SIF image) or `slurm`
         *     (submitted with sbatch).
         * @enum {string}
         */
        Executor: "native" | "docker" | "podman" | "apptainer" | "singularity" | "slurm";
        ReproductionCreate: {
            project: components["schemas"]["Id"];
            /** @description The executor a worker must use; any worker's when absent or null. */
            executor?: null | components["schemas"]["Executor"];
            /** @description Levenshtein tolerance of text outputs when the verdict is computed (default 0). */
            tolerance?: number;
            /** @description Relative tolerance of numeric outputs (kept with the job; default 0). */
            rtol?: number;
            /** @description Absolute tolerance of numeric outputs (kept with the job; default 0). */
            atol?: number;
        };
        ReproductionJob: {
            id: components["schemas"]["Id"];
            state: components["schemas"]["JobState"];
            record: components["schemas"]["Id"];
            /** @description The original record's label when the job was made. */
            recordLabel: string;
            recordProject: components["schemas"]["Id"];
            project: components["schemas"]["Id"];
            /** @description The name of the requester's project the new record goes to. */
            projectName: string;
            executor: null | components["schemas"]["Executor"];
            tolerance: number;
            rtol: number;
            atol: number;
            /** @description The worker that holds (or last held) the job, as it names itself. */
            worker: string | null;
            /** @description How many times a worker leased it. */
            attempts: number;
            /** @description The end of the run's output (at most 64 KiB), as the worker last sent it. */
            log: string;
            /** @description Why the job failed or was cancelled. */
            reason: string | null;
            /** @description What was filed, or why nothing was. */
            verdict: string | null;
            /** @description The new record. */
            result: null | components["schemas"]["Id"];
            resultLabel: string | null;
            /** @description The diff request filed toward the original. */
            diffRequest: null | components["schemas"]["Id"];
            cell: null | components["schemas"]["AssessmentCell"];
            proposition: null | components["schemas"]["Proposition"];
            leaseExpires: null | components["schemas"]["Timestamp"];
            created: components["schemas"]["Timestamp"];
            updated: components["schemas"]["Timestamp"];
            started: null | components["schemas"]["Timestamp"];
            ended: null | components["schemas"]["Timestamp"];
        };
        ReproductionPage: {
            data: components["schemas"]["ReproductionJob"][];
            page: components["schemas"]["PageInfo"];
        };
        JobLeaseRequest: {
            executor?: components["schemas"]["Executor"];
            /** @description How the worker names itself (host and process, say). */
            worker?: string;
            /** @description Only jobs reproducing records of these projects (the original records' projects). */
            projects?: components["schemas"]["Id"][];
            /** @description How long the lease lasts without a heartbeat (default 60). */
            leaseSeconds?: number;
        };
        JobLease: {
            job: null | components["schemas"]["ReproductionJob"];
            /** @description The lease id to present with every heartbeat, finish and fail. */
            lease: string | null;
            /** @description The record to reproduce, as the caller sees it. */
            original: null | components["schemas"]["Record"];
        };
        JobHeartbeat: {
            lease: string;
            log?: string;
        };
        JobFinish: {
            lease: string;
            /** @description The new record's label or id in the job's project. */
            record: string;
            log?: string;
        };
        JobFail: {
            lease: string;
            reason: string;
            log?: string;
        };
        DiffRequestPage: {
            data: components["schemas"]["DiffRequestSummary"][];
            page: components["schemas"]["PageInfo"];
        };
        Dashboard: {
            counts: {
                projects: number;
                publicProjects: number;
                records: number;
                /** @description Proposed requests waiting for the caller's answer. */
                inboxOpen: number;
                /** @description Proposed requests the caller sent. */
                outboxOpen: number;
                /** @description Requests toward the caller's records that the caller agreed to. */
                agreedReceived: number;
            };
            /** @description The caller's most recently active records. */
            recentRecords: components["schemas"]["RecordSummary"][];
            openInbox: components["schemas"]["DiffRequestSummary"][];
            openOutbox: components["schemas"]["DiffRequestSummary"][];
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
        /**
         * @description The kind of event (also the webhook's `X-Reprise-Event`).
         * @enum {string}
         */
        NotificationKind: "request.received" | "request.answered" | "request.withdrawn" | "reproduction.finished";
        Notification: {
            id: components["schemas"]["Id"];
            kind: components["schemas"]["NotificationKind"];
            title: string;
            body: string;
            /** @description The dashboard page it is about, as a path (`/requests/<id>`). */
            link: string;
            /** @description The event's ids and states, as webhook deliveries carry them (`{request: {id, status, proposition, …}}` or `{reproduction: {id, state, record, request}}`). */
            data: {
                [key: string]: unknown;
            };
            read: boolean;
            created: components["schemas"]["Timestamp"];
        };
        NotificationPage: {
            data: components["schemas"]["Notification"][];
            page: components["schemas"]["PageInfo"];
        };
        NotificationSettings: {
            /** @description Whether this server sends email at all (SMTP_URL is set). */
            email: boolean;
            /** @description The kinds the user gets no email for. */
            emailOptOut: components["schemas"]["NotificationKind"][];
        };
        NotificationSettingsInput: {
            emailOptOut: components["schemas"]["NotificationKind"][];
        };
        WebhookCreate: {
            /** @description http(s); at most 2048 characters (longer is a 400 `webhook_url_refused`). */
            url: string;
            /** @description The kinds it receives; absent or empty, every kind. */
            events?: components["schemas"]["NotificationKind"][];
        };
        Webhook: {
            id: components["schemas"]["Id"];
            url: string;
            /** @description The kinds it receives; empty, every kind. */
            events: components["schemas"]["NotificationKind"][];
            /** @description Failed attempts in a row. */
            failures: number;
            /** @description When and why repeated failures disabled it; null while it is on. */
            disabled: null | {
                at: components["schemas"]["Timestamp"];
                reason: string;
            };
            created: components["schemas"]["Timestamp"];
        };
        NewWebhook: components["schemas"]["Webhook"] & {
            /** @description The signing secret (`whsec_…`), shown only in this answer. */
            secret: string;
        };
        WebhookDelivery: {
            id: components["schemas"]["Id"];
            event: components["schemas"]["Id"];
            kind: components["schemas"]["NotificationKind"];
            /** @enum {string} */
            state: "queued" | "sent" | "failed";
            attempts: number;
            /** @description When the next attempt is due (while queued). */
            next: null | components["schemas"]["Timestamp"];
            created: components["schemas"]["Timestamp"];
            /** @description The latest attempts (up to 20), oldest first. */
            log: {
                at: components["schemas"]["Timestamp"];
                /** @description The receiver's HTTP status; null when it did not answer. */
                status: number | null;
                /** @description How long the attempt took. */
                ms: number;
                error: string | null;
            }[];
        };
    };
    responses: {
        /** @description The export, as an attachment (`Content-Disposition`). */
        Export: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/zip": string;
                "application/json": Record<string, never>;
                "application/x-bibtex": string;
                "application/yaml": Record<string, never>;
                "application/vnd.datacite.datacite+json": Record<string, never>;
            };
        };
        /**
         * @description The file's bytes, as the media type recorded for the file when it was pushed
         *     (`application/octet-stream` when none was, or when it is not a plain `type/subtype`).
         */
        Download: {
            headers: {
                ETag: components["headers"]["ETag"];
                "Content-Length": components["headers"]["ContentLength"];
                "Accept-Ranges": components["headers"]["AcceptRanges"];
                [name: string]: unknown;
            };
            content: {
                "*/*": string;
            };
        };
        /** @description The requested range of the file, as the media type recorded for the file (see Download). */
        PartialDownload: {
            headers: {
                ETag: components["headers"]["ETag"];
                "Content-Length": components["headers"]["ContentLength"];
                "Content-Range": components["headers"]["ContentRange"];
                [name: string]: unknown;
            };
            content: {
                "*/*": string;
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
         *     `Retry-After` seconds), or a record is sealed by an agreed verdict (`record_sealed`), or a
         *     diff request for the same pair of records is already proposed or agreed
         *     (`duplicate_request`), or a record changed since a request was made (`evidence_outdated`).
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
         *     `Idempotency-Key` used before for a different request, a new project name or record label
         *     that has the form of an id (`name_shadows_id`), …).
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
        /** @description No session, an expired or signed-out one, or (on login) a wrong email or password. */
        SignInRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "unauthorized",
                 *         "message": "Sign in to do this."
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request is refused: a missing or wrong `X-CSRF-Token` (`csrf_failed`), an `Origin` that
         *     is not the dashboard's (`origin_refused`), or an action the caller may not take on something
         *     they can see: a change to somebody else's project or record (`not_owner`), or a step of a
         *     diff request that belongs to its other party (`not_sender`, `not_target_owner`,
         *     `not_your_record`). What the caller cannot see is a 404 instead.
         */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "csrf_failed",
                 *         "message": "This request needs the X-CSRF-Token header with the value of the reprise_csrf cookie."
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many attempts; retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "too_many_requests",
                 *         "message": "Too many sign-in attempts for this account; try again in 840 seconds.",
                 *         "details": {
                 *           "retryAfter": 840
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description `ro-crate` (a zip), `prov` (PROV-JSON), `bibtex`, `cff` (CITATION.cff) or `datacite`
         *     (DataCite metadata, JSON). A project is exported as `ro-crate` or `prov` only.
         */
        exportFormat: "ro-crate" | "prov" | "bibtex" | "cff" | "datacite";
        /** @description `all` puts the files inside the crate; `none` describes them only. */
        exportFiles: "all" | "none";
        /** @description `include` puts the container image (when stored here, not in a registry) inside the crate. */
        exportImage: "none" | "include";
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
        /**
         * @description What records are sorted by: the time `created` (default) or `updated` (recent activity), or
         *     a scalar path of the parameters or metrics (`metrics.error`, `parameters.solver.cfl`),
         *     ascending, or descending with a leading `-` (`-metrics.error`; a `-` before a time means
         *     oldest last, as `order=desc`). Records sorted by a path that lack a value there come after
         *     the others, newest first; values of different kinds
         *     at one path (numbers, strings, booleans) are grouped by kind. A path sort pages by offset. An empty sort, or a
         *     path that is not one, is a 400 `invalid_query` with `details.position`.
         */
        recordSort: string;
        /**
         * @description Only records whose parameters and metrics satisfy every comparison, joined by `and`:
         *     `parameters.cfl < 0.45 and metrics.error <= 1e-3 and parameters.scheme = "crank"`.
         *     A path starts with `parameters.` or `metrics.` and names a scalar (object keys and list
         *     indexes joined by "."). Operators `= != < <= > >=`; values are numbers, quoted strings
         *     (`"…"` or `'…'`) and `true`/`false`; a string or boolean compares only with `=` and `!=`.
         *     A number matches only numbers, a string only strings. `!=` matches records that have a
         *     value at the path other than the one given. A syntax error, an unknown operator, a path
         *     into an object or a list (a non-scalar), or a string compared with `<` is a 400
         *     `invalid_query` whose `details` hold `parameter`, `position` (0-based offset into the text)
         *     and `expression`.
         */
        where: string;
        /**
         * @description Paths (comma-separated, at most 50) whose values each record of the page carries in
         *     `columns`, e.g. `parameters.cfl,metrics.error`.
         */
        columns: string;
        /** @description `desc`: newest first (default); `asc`: oldest first. */
        order: "desc" | "asc";
        /** @description A single byte range, e.g. `bytes=0-1023` or `bytes=-500`. */
        range: string;
        /** @description The ETag of a copy the client has; a 304 answers when it is current. */
        ifNoneMatch: string;
        /**
         * @description A project id.
         * @example 6560a1b2c3d4e5f6a7b8c9d0
         */
        projectId: components["schemas"]["Id"];
        /**
         * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
         * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
         */
        linkSecret: string;
        /**
         * @description A record id.
         * @example 6560a1b2c3d4e5f6a7b8c9d1
         */
        recordId: components["schemas"]["Id"];
        /**
         * @description A reproduction job id.
         * @example 6560a1b2c3d4e5f6a7b8c9d3
         */
        jobId: components["schemas"]["Id"];
        /**
         * @description A diff request id.
         * @example 6560a1b2c3d4e5f6a7b8c9d2
         */
        diffId: components["schemas"]["Id"];
        /** @description A notification id. */
        notificationId: components["schemas"]["Id"];
        /** @description A webhook id. */
        webhookId: components["schemas"]["Id"];
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
        /** @description `reprise_session` (HttpOnly, SameSite=Strict) and a new `reprise_csrf` (readable by the page). */
        SetSession: string;
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
                    "application/yaml": Record<string, never>;
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
            429: components["responses"]["TooManyRequests"];
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
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
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
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
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
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
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
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
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
                /**
                 * @description Only records whose parameters and metrics satisfy every comparison, joined by `and`:
                 *     `parameters.cfl < 0.45 and metrics.error <= 1e-3 and parameters.scheme = "crank"`.
                 *     A path starts with `parameters.` or `metrics.` and names a scalar (object keys and list
                 *     indexes joined by "."). Operators `= != < <= > >=`; values are numbers, quoted strings
                 *     (`"…"` or `'…'`) and `true`/`false`; a string or boolean compares only with `=` and `!=`.
                 *     A number matches only numbers, a string only strings. `!=` matches records that have a
                 *     value at the path other than the one given. A syntax error, an unknown operator, a path
                 *     into an object or a list (a non-scalar), or a string compared with `<` is a 400
                 *     `invalid_query` whose `details` hold `parameter`, `position` (0-based offset into the text)
                 *     and `expression`.
                 */
                where?: components["parameters"]["where"];
                /**
                 * @description What records are sorted by: the time `created` (default) or `updated` (recent activity), or
                 *     a scalar path of the parameters or metrics (`metrics.error`, `parameters.solver.cfl`),
                 *     ascending, or descending with a leading `-` (`-metrics.error`; a `-` before a time means
                 *     oldest last, as `order=desc`). Records sorted by a path that lack a value there come after
                 *     the others, newest first; values of different kinds
                 *     at one path (numbers, strings, booleans) are grouped by kind. A path sort pages by offset. An empty sort, or a
                 *     path that is not one, is a 400 `invalid_query` with `details.position`.
                 */
                sort?: components["parameters"]["recordSort"];
                /** @description `desc`: newest first (default); `asc`: oldest first. */
                order?: components["parameters"]["order"];
                /**
                 * @description Paths (comma-separated, at most 50) whose values each record of the page carries in
                 *     `columns`, e.g. `parameters.cfl,metrics.error`.
                 */
                columns?: components["parameters"]["columns"];
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
                /**
                 * @description Only records whose parameters and metrics satisfy every comparison, joined by `and`:
                 *     `parameters.cfl < 0.45 and metrics.error <= 1e-3 and parameters.scheme = "crank"`.
                 *     A path starts with `parameters.` or `metrics.` and names a scalar (object keys and list
                 *     indexes joined by "."). Operators `= != < <= > >=`; values are numbers, quoted strings
                 *     (`"…"` or `'…'`) and `true`/`false`; a string or boolean compares only with `=` and `!=`.
                 *     A number matches only numbers, a string only strings. `!=` matches records that have a
                 *     value at the path other than the one given. A syntax error, an unknown operator, a path
                 *     into an object or a list (a non-scalar), or a string compared with `<` is a 400
                 *     `invalid_query` whose `details` hold `parameter`, `position` (0-based offset into the text)
                 *     and `expression`.
                 */
                where?: components["parameters"]["where"];
                /**
                 * @description What records are sorted by: the time `created` (default) or `updated` (recent activity), or
                 *     a scalar path of the parameters or metrics (`metrics.error`, `parameters.solver.cfl`),
                 *     ascending, or descending with a leading `-` (`-metrics.error`; a `-` before a time means
                 *     oldest last, as `order=desc`). Records sorted by a path that lack a value there come after
                 *     the others, newest first; values of different kinds
                 *     at one path (numbers, strings, booleans) are grouped by kind. A path sort pages by offset. An empty sort, or a
                 *     path that is not one, is a 400 `invalid_query` with `details.position`.
                 */
                sort?: components["parameters"]["recordSort"];
                /** @description `desc`: newest first (default); `asc`: oldest first. */
                order?: components["parameters"]["order"];
                /**
                 * @description Paths (comma-separated, at most 50) whose values each record of the page carries in
                 *     `columns`, e.g. `parameters.cfl,metrics.error`.
                 */
                columns?: components["parameters"]["columns"];
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
    exportRecord: {
        parameters: {
            query?: {
                /**
                 * @description `ro-crate` (a zip), `prov` (PROV-JSON), `bibtex`, `cff` (CITATION.cff) or `datacite`
                 *     (DataCite metadata, JSON). A project is exported as `ro-crate` or `prov` only.
                 */
                format?: components["parameters"]["exportFormat"];
                /** @description `all` puts the files inside the crate; `none` describes them only. */
                files?: components["parameters"]["exportFiles"];
                /** @description `include` puts the container image (when stored here, not in a registry) inside the crate. */
                image?: components["parameters"]["exportImage"];
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
            200: components["responses"]["Export"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportProject: {
        parameters: {
            query?: {
                /**
                 * @description `ro-crate` (a zip), `prov` (PROV-JSON), `bibtex`, `cff` (CITATION.cff) or `datacite`
                 *     (DataCite metadata, JSON). A project is exported as `ro-crate` or `prov` only.
                 */
                format?: components["parameters"]["exportFormat"];
                /** @description `all` puts the files inside the crate; `none` describes them only. */
                files?: components["parameters"]["exportFiles"];
                /** @description `include` puts the container image (when stored here, not in a registry) inside the crate. */
                image?: components["parameters"]["exportImage"];
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
            200: components["responses"]["Export"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportPublicRecord: {
        parameters: {
            query?: {
                /**
                 * @description `ro-crate` (a zip), `prov` (PROV-JSON), `bibtex`, `cff` (CITATION.cff) or `datacite`
                 *     (DataCite metadata, JSON). A project is exported as `ro-crate` or `prov` only.
                 */
                format?: components["parameters"]["exportFormat"];
                /** @description `all` puts the files inside the crate; `none` describes them only. */
                files?: components["parameters"]["exportFiles"];
                /** @description `include` puts the container image (when stored here, not in a registry) inside the crate. */
                image?: components["parameters"]["exportImage"];
            };
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Export"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportPublicVerdict: {
        parameters: {
            query?: {
                /**
                 * @description `ro-crate` (a zip), `prov` (PROV-JSON), `bibtex`, `cff` (CITATION.cff) or `datacite`
                 *     (DataCite metadata, JSON). A project is exported as `ro-crate` or `prov` only.
                 */
                format?: components["parameters"]["exportFormat"];
                /** @description `all` puts the files inside the crate; `none` describes them only. */
                files?: components["parameters"]["exportFiles"];
                /** @description `include` puts the container image (when stored here, not in a registry) inside the crate. */
                image?: components["parameters"]["exportImage"];
            };
            header?: never;
            path: {
                /**
                 * @description A diff request id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d2
                 */
                id: components["parameters"]["diffId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Export"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    importRecord: {
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
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    crate: string;
                };
            };
        };
        responses: {
            /** @description The record created, and what of the crate was not mapped onto it. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    sharedDisplayRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
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
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    sharedPullFile: {
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
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
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
            404: components["responses"]["NotFound"];
            416: components["responses"]["RangeNotSatisfiable"];
            503: components["responses"]["Unavailable"];
        };
    };
    leaseJob: {
        parameters: {
            query?: never;
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
        requestBody: {
            content: {
                "application/json": components["schemas"]["JobLeaseRequest"];
            };
        };
        responses: {
            /** @description A leased job with the record to reproduce, or {"job": null}. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobLease"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    heartbeatJob: {
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
                 * @description A reproduction job id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d3
                 */
                id: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JobHeartbeat"];
            };
        };
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReproductionJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    finishJob: {
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
                 * @description A reproduction job id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d3
                 */
                id: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JobFinish"];
            };
        };
        responses: {
            /** @description The job, finished or failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReproductionJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    failJob: {
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
                 * @description A reproduction job id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d3
                 */
                id: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JobFail"];
            };
        };
        responses: {
            /** @description The job, failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReproductionJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Registration"];
            };
        };
        responses: {
            /** @description The account was created and the session started. */
            201: {
                headers: {
                    "Set-Cookie": components["headers"]["SetSession"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["SetSession"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out (also when there was no session). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    getCsrfToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSRF token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsrfToken"];
                };
            };
            403: components["responses"]["Forbidden"];
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountUpdate"];
            };
        };
        responses: {
            /** @description The account, changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description The password was changed. */
            204: {
                headers: {
                    "Set-Cookie": components["headers"]["SetSession"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    renewToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": "rpr_3q2m4Jw0uXr9kzYbH5tT6cVn1eLdA8sGfP7oRiUyQwE",
                     *       "prefix": "rpr_3q2m4Jw0",
                     *       "created": "2026-11-22T08:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["NewToken"];
                };
            };
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token no longer works (also when there was none). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    listMyProjects: {
        parameters: {
            query?: {
                /** @description Text to look for (case-insensitive). */
                q?: components["parameters"]["q"];
                /** @description Only items carrying this tag. */
                tag?: components["parameters"]["tag"];
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path?: never;
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
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    createMyProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectCreate"];
            };
        };
        responses: {
            /** @description The project. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteMyProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletionReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    editMyProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectEdit"];
            };
        };
        responses: {
            /** @description The project, changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProjectRecords: {
        parameters: {
            query?: {
                /** @description Text to look for (case-insensitive). */
                q?: components["parameters"]["q"];
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
                /**
                 * @description Only records whose parameters and metrics satisfy every comparison, joined by `and`:
                 *     `parameters.cfl < 0.45 and metrics.error <= 1e-3 and parameters.scheme = "crank"`.
                 *     A path starts with `parameters.` or `metrics.` and names a scalar (object keys and list
                 *     indexes joined by "."). Operators `= != < <= > >=`; values are numbers, quoted strings
                 *     (`"…"` or `'…'`) and `true`/`false`; a string or boolean compares only with `=` and `!=`.
                 *     A number matches only numbers, a string only strings. `!=` matches records that have a
                 *     value at the path other than the one given. A syntax error, an unknown operator, a path
                 *     into an object or a list (a non-scalar), or a string compared with `<` is a 400
                 *     `invalid_query` whose `details` hold `parameter`, `position` (0-based offset into the text)
                 *     and `expression`.
                 */
                where?: components["parameters"]["where"];
                /**
                 * @description What records are sorted by: the time `created` (default) or `updated` (recent activity), or
                 *     a scalar path of the parameters or metrics (`metrics.error`, `parameters.solver.cfl`),
                 *     ascending, or descending with a leading `-` (`-metrics.error`; a `-` before a time means
                 *     oldest last, as `order=desc`). Records sorted by a path that lack a value there come after
                 *     the others, newest first; values of different kinds
                 *     at one path (numbers, strings, booleans) are grouped by kind. A path sort pages by offset. An empty sort, or a
                 *     path that is not one, is a 400 `invalid_query` with `details.position`.
                 */
                sort?: components["parameters"]["recordSort"];
                /** @description `desc`: newest first (default); `asc`: oldest first. */
                order?: components["parameters"]["order"];
                /**
                 * @description Paths (comma-separated, at most 50) whose values each record of the page carries in
                 *     `columns`, e.g. `parameters.cfl,metrics.error`.
                 */
                columns?: components["parameters"]["columns"];
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createMyRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProjectContainers: {
        parameters: {
            query?: {
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of container versions; `position` is each one's index in the history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContainerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getReproducibility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tally. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reproducibility"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportProjectRecords: {
        parameters: {
            query?: {
                /** @description Text to look for (case-insensitive). */
                q?: components["parameters"]["q"];
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
                /**
                 * @description Only records whose parameters and metrics satisfy every comparison, joined by `and`:
                 *     `parameters.cfl < 0.45 and metrics.error <= 1e-3 and parameters.scheme = "crank"`.
                 *     A path starts with `parameters.` or `metrics.` and names a scalar (object keys and list
                 *     indexes joined by "."). Operators `= != < <= > >=`; values are numbers, quoted strings
                 *     (`"…"` or `'…'`) and `true`/`false`; a string or boolean compares only with `=` and `!=`.
                 *     A number matches only numbers, a string only strings. `!=` matches records that have a
                 *     value at the path other than the one given. A syntax error, an unknown operator, a path
                 *     into an object or a list (a non-scalar), or a string compared with `<` is a 400
                 *     `invalid_query` whose `details` hold `parameter`, `position` (0-based offset into the text)
                 *     and `expression`.
                 */
                where?: components["parameters"]["where"];
                /**
                 * @description What records are sorted by: the time `created` (default) or `updated` (recent activity), or
                 *     a scalar path of the parameters or metrics (`metrics.error`, `parameters.solver.cfl`),
                 *     ascending, or descending with a leading `-` (`-metrics.error`; a `-` before a time means
                 *     oldest last, as `order=desc`). Records sorted by a path that lack a value there come after
                 *     the others, newest first; values of different kinds
                 *     at one path (numbers, strings, booleans) are grouped by kind. A path sort pages by offset. An empty sort, or a
                 *     path that is not one, is a 400 `invalid_query` with `details.position`.
                 */
                sort?: components["parameters"]["recordSort"];
                /** @description `desc`: newest first (default); `asc`: oldest first. */
                order?: components["parameters"]["order"];
                /**
                 * @description Paths (comma-separated, at most 50) whose values each record of the page carries in
                 *     `columns`, e.g. `parameters.cfl,metrics.error`.
                 */
                columns?: components["parameters"]["columns"];
            };
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV, with a `Content-Disposition` naming `<project>-records.csv`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example label,status,created,parameters.cfl,metrics.error
                     *     run-1,finished,2026-11-29T10:00:00.000Z,0.4,0.0012
                     */
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProjectPaths: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The paths. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPathPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listMyRecords: {
        parameters: {
            query?: {
                /** @description Text to look for (case-insensitive). */
                q?: components["parameters"]["q"];
                /** @description Only records with this status. */
                status?: components["parameters"]["status"];
                /** @description Only items carrying this tag. */
                tag?: components["parameters"]["tag"];
                /**
                 * @description Only records whose parameters and metrics satisfy every comparison, joined by `and`:
                 *     `parameters.cfl < 0.45 and metrics.error <= 1e-3 and parameters.scheme = "crank"`.
                 *     A path starts with `parameters.` or `metrics.` and names a scalar (object keys and list
                 *     indexes joined by "."). Operators `= != < <= > >=`; values are numbers, quoted strings
                 *     (`"…"` or `'…'`) and `true`/`false`; a string or boolean compares only with `=` and `!=`.
                 *     A number matches only numbers, a string only strings. `!=` matches records that have a
                 *     value at the path other than the one given. A syntax error, an unknown operator, a path
                 *     into an object or a list (a non-scalar), or a string compared with `<` is a 400
                 *     `invalid_query` whose `details` hold `parameter`, `position` (0-based offset into the text)
                 *     and `expression`.
                 */
                where?: components["parameters"]["where"];
                /**
                 * @description What records are sorted by: the time `created` (default) or `updated` (recent activity), or
                 *     a scalar path of the parameters or metrics (`metrics.error`, `parameters.solver.cfl`),
                 *     ascending, or descending with a leading `-` (`-metrics.error`; a `-` before a time means
                 *     oldest last, as `order=desc`). Records sorted by a path that lack a value there come after
                 *     the others, newest first; values of different kinds
                 *     at one path (numbers, strings, booleans) are grouped by kind. A path sort pages by offset. An empty sort, or a
                 *     path that is not one, is a 400 `invalid_query` with `details.position`.
                 */
                sort?: components["parameters"]["recordSort"];
                /**
                 * @description Paths (comma-separated, at most 50) whose values each record of the page carries in
                 *     `columns`, e.g. `parameters.cfl,metrics.error`.
                 */
                columns?: components["parameters"]["columns"];
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    getRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
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
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteMyRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletionReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    editMyRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordEdit"];
            };
        };
        responses: {
            /** @description The record, changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRecordDiffRequests: {
        parameters: {
            query?: {
                /** @description Only requests with this status. */
                status?: components["schemas"]["DiffStatus"];
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffRequestPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    downloadRecordFile: {
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
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
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
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            416: components["responses"]["RangeNotSatisfiable"];
            503: components["responses"]["Unavailable"];
        };
    };
    uploadRecordFiles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    compareRecords: {
        parameters: {
            query?: {
                /** @description The Levenshtein distance (UTF-16 code units) allowed per text output for it to count as the same. */
                tolerance?: number;
                /** @description Relative tolerance of numeric outputs (tables of numbers and JSON), numpy's isclose rule |a − b| ≤ atol + rtol·|b|. */
                rtol?: number;
                /** @description Absolute tolerance of numeric outputs (tables of numbers and JSON), numpy's isclose rule |a − b| ≤ atol + rtol·|b|. */
                atol?: number;
            };
            header?: never;
            path: {
                /** @description The first record's id (the one a request would be sent from). */
                a: components["schemas"]["Id"];
                /** @description The second record's id (the one a request would be sent toward). */
                b: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comparison. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comparison"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listMyLinks: {
        parameters: {
            query?: {
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of links. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            503: components["responses"]["Unavailable"];
        };
    };
    createMyLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkCreate"];
            };
        };
        responses: {
            /** @description The link, with its secret and URL (shown this once). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewLink"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMyLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A link id (not its secret). */
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Link"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeMyLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A link id (not its secret). */
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link as it was. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Link"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    publishMyRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record, published. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    unpublishMyRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record, no longer published. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    openSharedLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the link shows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SharedView"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listSharedRecords: {
        parameters: {
            query?: {
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /**
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getSharedRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
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
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    downloadSharedFile: {
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
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
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
            404: components["responses"]["NotFound"];
            416: components["responses"]["RangeNotSatisfiable"];
            503: components["responses"]["Unavailable"];
        };
    };
    compareSharedRecords: {
        parameters: {
            query?: {
                /** @description The Levenshtein distance (UTF-16 code units) allowed per text output for it to count as the same. */
                tolerance?: number;
                /** @description Relative tolerance of numeric outputs (tables of numbers and JSON), numpy's isclose rule |a − b| ≤ atol + rtol·|b|. */
                rtol?: number;
                /** @description Absolute tolerance of numeric outputs (tables of numbers and JSON), numpy's isclose rule |a − b| ≤ atol + rtol·|b|. */
                atol?: number;
            };
            header?: never;
            path: {
                /**
                 * @description A reviewer link's secret (`rpl_` and 43 base64url characters), as its URL carries it.
                 * @example rpl_7Qm2c9Xw0uYr4kzPbH5tT6cVn1eLdA8sGfJ3oRiUyQe
                 */
                secret: components["parameters"]["linkSecret"];
                /** @description The first record's id. */
                a: components["schemas"]["Id"];
                /** @description The second record's id. */
                b: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comparison. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comparison"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    browsePublicProjects: {
        parameters: {
            query?: {
                /** @description Text to look for (case-insensitive). */
                q?: components["parameters"]["q"];
                /** @description Only items carrying this tag. */
                tag?: components["parameters"]["tag"];
                /** @description Only projects of this user (an id). */
                owner?: components["schemas"]["Id"];
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of public projects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    browsePublicRecords: {
        parameters: {
            query?: {
                /** @description Text to look for (case-insensitive). */
                q?: components["parameters"]["q"];
                /** @description Only records with this status. */
                status?: components["parameters"]["status"];
                /** @description Only items carrying this tag. */
                tag?: components["parameters"]["tag"];
                /** @description Only records of this public project (an id). */
                project?: components["schemas"]["Id"];
                /**
                 * @description Only records whose parameters and metrics satisfy every comparison, joined by `and`:
                 *     `parameters.cfl < 0.45 and metrics.error <= 1e-3 and parameters.scheme = "crank"`.
                 *     A path starts with `parameters.` or `metrics.` and names a scalar (object keys and list
                 *     indexes joined by "."). Operators `= != < <= > >=`; values are numbers, quoted strings
                 *     (`"…"` or `'…'`) and `true`/`false`; a string or boolean compares only with `=` and `!=`.
                 *     A number matches only numbers, a string only strings. `!=` matches records that have a
                 *     value at the path other than the one given. A syntax error, an unknown operator, a path
                 *     into an object or a list (a non-scalar), or a string compared with `<` is a 400
                 *     `invalid_query` whose `details` hold `parameter`, `position` (0-based offset into the text)
                 *     and `expression`.
                 */
                where?: components["parameters"]["where"];
                /**
                 * @description What records are sorted by: the time `created` (default) or `updated` (recent activity), or
                 *     a scalar path of the parameters or metrics (`metrics.error`, `parameters.solver.cfl`),
                 *     ascending, or descending with a leading `-` (`-metrics.error`; a `-` before a time means
                 *     oldest last, as `order=desc`). Records sorted by a path that lack a value there come after
                 *     the others, newest first; values of different kinds
                 *     at one path (numbers, strings, booleans) are grouped by kind. A path sort pages by offset. An empty sort, or a
                 *     path that is not one, is a 400 `invalid_query` with `details.position`.
                 */
                sort?: components["parameters"]["recordSort"];
                /**
                 * @description Paths (comma-separated, at most 50) whose values each record of the page carries in
                 *     `columns`, e.g. `parameters.cfl,metrics.error`.
                 */
                columns?: components["parameters"]["columns"];
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of public records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getReproducibilityBadge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The badge. */
            200: {
                headers: {
                    /** @description Short-lived (5 minutes), so READMEs follow new agreements. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listDiffRequests: {
        parameters: {
            query: {
                /** @description `inbox`: requests toward the caller's records; `outbox`: requests the caller sent. */
                box: "inbox" | "outbox";
                /** @description Only requests with this status. */
                status?: components["schemas"]["DiffStatus"];
                /** @description Only requests making this proposition. */
                proposition?: components["schemas"]["Proposition"];
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffRequestPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    createDiffRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiffRequestCreate"];
            };
        };
        responses: {
            /** @description The request, proposed. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDiffRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A diff request id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d2
                 */
                id: components["parameters"]["diffId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    withdrawDiffRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A diff request id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d2
                 */
                id: components["parameters"]["diffId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request, withdrawn. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    answerDiffRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A diff request id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d2
                 */
                id: components["parameters"]["diffId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiffAnswerInput"];
            };
        };
        responses: {
            /** @description The request, answered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportRecordById: {
        parameters: {
            query?: {
                /**
                 * @description `ro-crate` (a zip), `prov` (PROV-JSON), `bibtex`, `cff` (CITATION.cff) or `datacite`
                 *     (DataCite metadata, JSON). A project is exported as `ro-crate` or `prov` only.
                 */
                format?: components["parameters"]["exportFormat"];
                /** @description `all` puts the files inside the crate; `none` describes them only. */
                files?: components["parameters"]["exportFiles"];
                /** @description `include` puts the container image (when stored here, not in a registry) inside the crate. */
                image?: components["parameters"]["exportImage"];
            };
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Export"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportProjectById: {
        parameters: {
            query?: {
                /**
                 * @description `ro-crate` (a zip), `prov` (PROV-JSON), `bibtex`, `cff` (CITATION.cff) or `datacite`
                 *     (DataCite metadata, JSON). A project is exported as `ro-crate` or `prov` only.
                 */
                format?: components["parameters"]["exportFormat"];
                /** @description `all` puts the files inside the crate; `none` describes them only. */
                files?: components["parameters"]["exportFiles"];
                /** @description `include` puts the container image (when stored here, not in a registry) inside the crate. */
                image?: components["parameters"]["exportImage"];
            };
            header?: never;
            path: {
                /**
                 * @description A project id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d0
                 */
                id: components["parameters"]["projectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Export"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportVerdict: {
        parameters: {
            query?: {
                /**
                 * @description `ro-crate` (a zip), `prov` (PROV-JSON), `bibtex`, `cff` (CITATION.cff) or `datacite`
                 *     (DataCite metadata, JSON). A project is exported as `ro-crate` or `prov` only.
                 */
                format?: components["parameters"]["exportFormat"];
                /** @description `all` puts the files inside the crate; `none` describes them only. */
                files?: components["parameters"]["exportFiles"];
                /** @description `include` puts the container image (when stored here, not in a registry) inside the crate. */
                image?: components["parameters"]["exportImage"];
            };
            header?: never;
            path: {
                /**
                 * @description A diff request id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d2
                 */
                id: components["parameters"]["diffId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Export"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description Only unread notifications. */
                unread?: boolean;
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of notifications. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            503: components["responses"]["Unavailable"];
        };
    };
    countUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            401: components["responses"]["SignInRequired"];
            503: components["responses"]["Unavailable"];
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many were unread. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        marked: number;
                    };
                };
            };
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A notification id. */
                id: components["parameters"]["notificationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification, read. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            401: components["responses"]["SignInRequired"];
            503: components["responses"]["Unavailable"];
        };
    };
    setNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "emailOptOut": [
                 *         "request.withdrawn"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["NotificationSettingsInput"];
            };
        };
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Unsubscribed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kind: components["schemas"]["NotificationKind"];
                        /** @description The address that gets no more email of this kind. */
                        email: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every webhook of the user's (their secrets are never shown again). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            401: components["responses"]["SignInRequired"];
            503: components["responses"]["Unavailable"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://ci.example.org/hooks/reprise",
                 *       "events": [
                 *         "request.received",
                 *         "request.answered"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            /** @description The webhook, with its secret (shown only now). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewWebhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A webhook id. */
                id: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A webhook id. */
                id: components["parameters"]["webhookId"];
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
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    enableWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A webhook id. */
                id: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook, enabled, its failure count cleared. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /** @description A webhook id. */
                id: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of deliveries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A webhook id. */
                id: components["parameters"]["webhookId"];
                /** @description A delivery id. */
                delivery: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new delivery, queued. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    requestReproduction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A record id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d1
                 */
                id: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReproductionCreate"];
            };
        };
        responses: {
            /** @description The job, queued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReproductionJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listReproductions: {
        parameters: {
            query?: {
                /** @description Only jobs in this state. */
                state?: components["schemas"]["JobState"];
                /** @description Only jobs reproducing this record (an id). */
                record?: components["schemas"]["Id"];
                /** @description Only the job whose run made this record (an id). */
                result?: components["schemas"]["Id"];
                /** @description The `page.next` value of the previous page. */
                cursor?: components["parameters"]["cursor"];
                /** @description Items per page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of jobs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReproductionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            503: components["responses"]["Unavailable"];
        };
    };
    getReproduction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reproduction job id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d3
                 */
                id: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReproductionJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    cancelReproduction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A reproduction job id.
                 * @example 6560a1b2c3d4e5f6a7b8c9d3
                 */
                id: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job, cancelled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReproductionJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
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
            422: components["responses"]["Unprocessable"];
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
            409: components["responses"]["Conflict"];
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
            422: components["responses"]["Unprocessable"];
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
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
}
