/**
 * The hub API, generated from /api/v1/openapi.json by `npm run api:types`. Do not edit.
 */
/* eslint-disable */
export interface paths {
    "/api/v1/advisories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Security advisories (CSAF), newest release first: filter by vendor, product, CVE and text; page with limit and offset. */
        get: {
            parameters: {
                query?: {
                    /** @description A CVE id, e.g. CVE-2023-4299. */
                    cve?: string;
                    limit?: number;
                    offset?: number;
                    /** @description Product name or full product name; a part of it matches. */
                    product?: string;
                    /** @description Words that must all appear in the id, title, publisher, vendors, product names or CVEs. */
                    text?: string;
                    /** @description Vendor name; a part of it matches, case-insensitive. */
                    vendor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advisories: {
                                /** @description verified against its .sha512, missing (imported without a checksum file), or upload (through the API). */
                                checksum: "verified" | "missing" | "upload";
                                currentReleaseDate?: string;
                                cves: string[];
                                id: string;
                                importedAt: number;
                                initialReleaseDate?: string;
                                /** @description The highest CVSS v3 (else v4) base score of its vulnerabilities. */
                                maxCvss?: number;
                                products: number;
                                publisher: string;
                                revision?: string;
                                sourceFile?: string;
                                title: string;
                                updatedAt: number;
                                vendors: string[];
                                vulnerabilities: number;
                            }[];
                            limit: number;
                            offset: number;
                            /** @description Matches in all, before paging. */
                            total: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload one CSAF 2.0 advisory (the JSON document as the publisher ships it, Content-Type application/json): added, updated (a newer release of a stored id) or unchanged; refused with the problem when it is not usable. Audited. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advisory: {
                                /** @description verified against its .sha512, missing (imported without a checksum file), or upload (through the API). */
                                checksum: "verified" | "missing" | "upload";
                                currentReleaseDate?: string;
                                cves: string[];
                                id: string;
                                importedAt: number;
                                initialReleaseDate?: string;
                                /** @description The highest CVSS v3 (else v4) base score of its vulnerabilities. */
                                maxCvss?: number;
                                products: number;
                                publisher: string;
                                revision?: string;
                                sourceFile?: string;
                                title: string;
                                updatedAt: number;
                                vendors: string[];
                                vulnerabilities: number;
                            };
                            note?: string;
                            outcome: "added" | "updated" | "unchanged";
                            warnings: string[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advisory: {
                                /** @description verified against its .sha512, missing (imported without a checksum file), or upload (through the API). */
                                checksum: "verified" | "missing" | "upload";
                                currentReleaseDate?: string;
                                cves: string[];
                                id: string;
                                importedAt: number;
                                initialReleaseDate?: string;
                                /** @description The highest CVSS v3 (else v4) base score of its vulnerabilities. */
                                maxCvss?: number;
                                products: number;
                                publisher: string;
                                revision?: string;
                                sourceFile?: string;
                                title: string;
                                updatedAt: number;
                                vendors: string[];
                                vulnerabilities: number;
                            };
                            note?: string;
                            outcome: "added" | "updated" | "unchanged";
                            warnings: string[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/advisories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One advisory: its products (vendor, product, version or range, product ids), vulnerabilities (CVE, CWE, CVSS, status by product) and remediations. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The advisory's tracking id, e.g. ICSA-23-243-04. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advisory: {
                                aggregateSeverity?: string;
                                currentReleaseDate?: string;
                                /** @description document.tracking.id, e.g. ICSA-23-005-01. */
                                id: string;
                                initialReleaseDate?: string;
                                products: {
                                    cpe?: string;
                                    family?: string;
                                    fullName: string;
                                    modelNumbers?: string[];
                                    product: string;
                                    /** @description The document's product id, as product status and remediations name it. */
                                    productId: string;
                                    purls?: string[];
                                    relationship?: {
                                        category: string;
                                        productId: string;
                                        relatesTo: string;
                                        relatesToName?: string;
                                    };
                                    vendor: string;
                                    /** @description The version or range as written: 4.2.1, vers:intdot/<8.0.10, < 8.0.10, All versions. */
                                    version?: string;
                                    versionKind?: "product_version" | "product_version_range";
                                }[];
                                publisher: string;
                                revision?: string;
                                sha512?: string;
                                sourceFile?: string;
                                title: string;
                                trackingStatus?: string;
                                url?: string;
                                vulnerabilities: {
                                    cve?: string;
                                    cvss3?: {
                                        baseScore: number;
                                        baseSeverity?: string;
                                        vectorString: string;
                                        version: string;
                                    };
                                    cvss4?: {
                                        baseScore: number;
                                        baseSeverity?: string;
                                        vectorString: string;
                                        version: string;
                                    };
                                    cwe?: {
                                        id: string;
                                        name: string;
                                    };
                                    releaseDate?: string;
                                    remediations: {
                                        /** @description vendor_fix, mitigation, workaround, none_available, no_fix_planned. */
                                        category: string;
                                        date?: string;
                                        details: string;
                                        productIds: string[];
                                        url?: string;
                                    }[];
                                    /** @description Scores per product, when the document scores products differently. */
                                    scores?: {
                                        cvss3?: {
                                            baseScore: number;
                                            baseSeverity?: string;
                                            vectorString: string;
                                            version: string;
                                        };
                                        cvss4?: {
                                            baseScore: number;
                                            baseSeverity?: string;
                                            vectorString: string;
                                            version: string;
                                        };
                                        productIds: string[];
                                    }[];
                                    /** @description Product ids by status kind. */
                                    status: {
                                        first_affected?: string[];
                                        first_fixed?: string[];
                                        fixed?: string[];
                                        known_affected?: string[];
                                        known_not_affected?: string[];
                                        last_affected?: string[];
                                        recommended?: string[];
                                        under_investigation?: string[];
                                    };
                                    summary?: string;
                                    title?: string;
                                }[];
                            };
                            summary: {
                                /** @description verified against its .sha512, missing (imported without a checksum file), or upload (through the API). */
                                checksum: "verified" | "missing" | "upload";
                                currentReleaseDate?: string;
                                cves: string[];
                                id: string;
                                importedAt: number;
                                initialReleaseDate?: string;
                                /** @description The highest CVSS v3 (else v4) base score of its vulnerabilities. */
                                maxCvss?: number;
                                products: number;
                                publisher: string;
                                revision?: string;
                                sourceFile?: string;
                                title: string;
                                updatedAt: number;
                                vendors: string[];
                                vulnerabilities: number;
                            };
                            warnings: string[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/advisories/import-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the advisory store holds, when it was last imported, and the latest imports with each rejected file and why. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advisories: number;
                            /** @description The latest imports, newest first. */
                            imports: {
                                actor: string;
                                added: number;
                                files: number;
                                finishedAt: number;
                                rejected: number;
                                rejections: {
                                    file: string;
                                    /** @description checksum-mismatch, checksum-unreadable, checksum-missing, unreadable, not-json, not-csaf or invalid. */
                                    kind: string;
                                    reason: string;
                                }[];
                                seq: number;
                                /** @description The folder, or upload. */
                                source: string;
                                startedAt: number;
                                unchanged: number;
                                unverified: number;
                                updated: number;
                            }[];
                            /** @description When the latest import (folder or upload) finished, epoch ms. */
                            lastImportAt?: number;
                            products: number;
                            vulnerabilities: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every alarm transition (activate, clear, ack, shelve, suppress, out of service, …), newest first, in the caller's zones; filter by time, area, priority, state reached and path. */
        get: {
            parameters: {
                query?: {
                    area?: string;
                    /** @description Start: ISO 8601, epoch ms or relative (-8h); default 24 h before to. */
                    from?: string;
                    limit?: number;
                    /** @description Attribute path or a prefix of it. */
                    path?: string;
                    priority?: "urgent" | "high" | "medium" | "low";
                    /** @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE. */
                    state?: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                    /** @description End; default now. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                area?: string;
                                /** @description Source time of the sample that caused it, or the time of the action (epoch ms). */
                                at: number;
                                comment?: string;
                                /** @description activate, clear, ack, shelve, unshelve, shelve-expired, suppress, unsuppress, out-of-service or in-service. */
                                event: string;
                                /**
                                 * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                                 * @enum {string}
                                 */
                                from: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                                id: string;
                                message?: string;
                                name: string;
                                path: string;
                                priority: string;
                                seq: number;
                                /**
                                 * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                                 * @enum {string}
                                 */
                                to: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                                user?: string;
                                value?: number | boolean | string;
                            }[];
                            from: number;
                            to: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alarm-management KPIs of a period (ISA-18.2 §16 / EEMUA 191): annunciated alarms per operator position per 10 minutes and per hour against the targets, flood share, bad actors, chattering, standing, stale, shelved and out-of-service alarms, priority distribution; over the alarms in the caller's zones. */
        get: {
            parameters: {
                query?: {
                    /** @description Only the alarms of this area (one operator position); "(no area)" for alarms without one. */
                    area?: string;
                    /** @description Start: ISO 8601, epoch ms or relative (-8h); default 24 h before to. */
                    from?: string;
                    /** @description End (excluded); default now. At most 31 days after from. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The ten most frequent alarms. */
                            badActors: {
                                annunciated: number;
                                area?: string;
                                /** @description The alarm id, <attribute path>/<name>. */
                                id: string;
                                name: string;
                                path: string;
                                priority: string;
                                /** @description Of all annunciated alarms. */
                                share: number;
                            }[];
                            /** @description Alarms whose condition became active 3 or more times within less than 60 s. */
                            chattering: {
                                activations: number;
                                area?: string;
                                firstAt: number;
                                /** @description The alarm id, <attribute path>/<name>. */
                                id: string;
                                maxPerMinute: number;
                                path: string;
                                priority: string;
                            }[];
                            from: number;
                            outOfService: {
                                area?: string;
                                /** @description The alarm id, <attribute path>/<name>. */
                                id: string;
                                path: string;
                                priority: string;
                                /** @description Standing and stale: when the condition became active; others: since when in that state (epoch ms). */
                                since: number;
                                /**
                                 * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                                 * @enum {string}
                                 */
                                state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                            }[];
                            /** @description Start of each 10-minute period from from (the last may be shorter). */
                            periods: number[];
                            /** @description One per alarm area (operator position) with alarms annunciated in the period. */
                            positions: {
                                /** @description Alarms annunciated (brought to UNACK_ACTIVE) in the period. */
                                annunciated: number;
                                /** @description Annunciated alarms in each 10-minute period (see periods). */
                                counts: number[];
                                /** @description 10-minute periods with more than 10 annunciated alarms. */
                                floodPeriods: number;
                                /** @description Share of the period's time in those periods (0..1); target < 0.01. */
                                floodShare: number;
                                /** @description The most in one 10-minute period. */
                                peak10Min: number;
                                /** @description The most in one hour (hours counted from from). */
                                peakHour: number;
                                /** @description Average per 10 minutes; target ~1 (very likely acceptable), ~2 (maximum manageable). */
                                per10Min: number;
                                /** @description Average per hour; target ~6 (very likely acceptable), ~12 (maximum manageable). */
                                perHour: number;
                                /** @description The operator position: an alarm area, "(no area)", or "site" for all together. */
                                position: string;
                            }[];
                            priorities: {
                                annunciated: number;
                                priority: string;
                                /** @description ISA-18.2 Table 5 for four priorities: low ~0.80, medium ~0.15, high ~0.05, urgent (highest) < 0.01. */
                                recommended: number;
                                share: number;
                            }[];
                            shelved: {
                                area?: string;
                                /** @description The alarm id, <attribute path>/<name>. */
                                id: string;
                                path: string;
                                priority: string;
                                /** @description Standing and stale: when the condition became active; others: since when in that state (epoch ms). */
                                since: number;
                                /**
                                 * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                                 * @enum {string}
                                 */
                                state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                            }[];
                            site: {
                                /** @description Alarms annunciated (brought to UNACK_ACTIVE) in the period. */
                                annunciated: number;
                                /** @description Annunciated alarms in each 10-minute period (see periods). */
                                counts: number[];
                                /** @description 10-minute periods with more than 10 annunciated alarms. */
                                floodPeriods: number;
                                /** @description Share of the period's time in those periods (0..1); target < 0.01. */
                                floodShare: number;
                                /** @description The most in one 10-minute period. */
                                peak10Min: number;
                                /** @description The most in one hour (hours counted from from). */
                                peakHour: number;
                                /** @description Average per 10 minutes; target ~1 (very likely acceptable), ~2 (maximum manageable). */
                                per10Min: number;
                                /** @description Average per hour; target ~6 (very likely acceptable), ~12 (maximum manageable). */
                                perHour: number;
                                /** @description The operator position: an alarm area, "(no area)", or "site" for all together. */
                                position: string;
                            };
                            /** @description Standing at to with the condition active for more than 24 h (target: fewer than 5). */
                            stale: {
                                area?: string;
                                /** @description The alarm id, <attribute path>/<name>. */
                                id: string;
                                path: string;
                                priority: string;
                                /** @description Standing and stale: when the condition became active; others: since when in that state (epoch ms). */
                                since: number;
                                /**
                                 * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                                 * @enum {string}
                                 */
                                state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                            }[];
                            /** @description Active and annunciated at to (UNACK_ACTIVE or ACKED_ACTIVE). */
                            standing: {
                                area?: string;
                                /** @description The alarm id, <attribute path>/<name>. */
                                id: string;
                                path: string;
                                priority: string;
                                /** @description Standing and stale: when the condition became active; others: since when in that state (epoch ms). */
                                since: number;
                                /**
                                 * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                                 * @enum {string}
                                 */
                                state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                            }[];
                            /** @description Suppressed by design at to. */
                            suppressed: {
                                area?: string;
                                /** @description The alarm id, <attribute path>/<name>. */
                                id: string;
                                path: string;
                                priority: string;
                                /** @description Standing and stale: when the condition became active; others: since when in that state (epoch ms). */
                                since: number;
                                /**
                                 * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                                 * @enum {string}
                                 */
                                state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                            }[];
                            /** @description The targets the figures are compared with (ISA-18.2-2016 Table 5, after EEMUA 191). */
                            targets: {
                                floodShareMax: number;
                                per10Min: {
                                    acceptable: number;
                                    manageable: number;
                                };
                                perHour: {
                                    acceptable: number;
                                    manageable: number;
                                };
                                priority: {
                                    [key: string]: number;
                                };
                                staleMax: number;
                                topTenShareMax: number;
                            };
                            /** @description End of the period, excluded. */
                            to: number;
                            /** @description The ten most frequent alarms' share of all annunciated (target: at most 0.05). */
                            topTenShare: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alarms away from Normal (or all=true: every alarm), in the caller's zones; filter by area, priority, state and path, sort by priority, time or path. */
        get: {
            parameters: {
                query?: {
                    /** @description Every defined alarm, Normal ones included (default: only those away from Normal). */
                    all?: boolean;
                    area?: string;
                    /** @description Only alarms on attributes at or below this path. */
                    path?: string;
                    priority?: "urgent" | "high" | "medium" | "low";
                    /** @description priority (urgent first, then newest; the default), time (newest change first) or path. */
                    sort?: "priority" | "time" | "path";
                    /** @description States, comma-separated: NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK, LATCHED, SHELVED, SUPPRESSED, OUT_OF_SERVICE. */
                    state?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alarms: {
                                acked?: {
                                    at: number;
                                    by: string;
                                    comment?: string;
                                };
                                /** @description The condition (after on- and off-delays), also while shelved, suppressed or out of service. */
                                active: boolean;
                                /** @description When the condition last became active (source time, epoch ms). */
                                activeAt?: number;
                                area?: string;
                                asset: string;
                                /** @description Time of the last transition, epoch ms. */
                                changedAt: number;
                                /** @description Deviations: the attribute compared with. */
                                from?: string;
                                /** @description <attribute path>/<name>. */
                                id: string;
                                latching: boolean;
                                /** @description The message with its placeholders filled with the current value. */
                                message: string;
                                /** @description hihi, hi, lo, lolo, or the rule's name. */
                                name: string;
                                outOfService?: {
                                    at: number;
                                    by: string;
                                    reason: string;
                                };
                                /** @description The attribute it watches. */
                                path: string;
                                priority: "urgent" | "high" | "medium" | "low";
                                rationalization: {
                                    cause?: string;
                                    consequence?: string;
                                    correctiveAction?: string;
                                    owner?: string;
                                    timeToRespondMs?: number;
                                };
                                /** @description Limits: the setpoint; deviations and rates of change: the limit. */
                                setpoint?: number;
                                shelved?: {
                                    at: number;
                                    by: string;
                                    reason: string;
                                    until: number;
                                };
                                /**
                                 * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                                 * @enum {string}
                                 */
                                state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                                suppressed: boolean;
                                type: "limit" | "discrete" | "deviation" | "quality" | "rate-of-change" | "condition";
                                unit?: string;
                                value?: number | boolean | string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an alarm (a latched one: reset it), with an optional comment; an alarm with nothing to acknowledge is answered unchanged. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The alarm id, <attribute path>/<name>, URL-encoded. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acked?: {
                                at: number;
                                by: string;
                                comment?: string;
                            };
                            /** @description The condition (after on- and off-delays), also while shelved, suppressed or out of service. */
                            active: boolean;
                            /** @description When the condition last became active (source time, epoch ms). */
                            activeAt?: number;
                            area?: string;
                            asset: string;
                            /** @description Time of the last transition, epoch ms. */
                            changedAt: number;
                            /** @description Deviations: the attribute compared with. */
                            from?: string;
                            /** @description <attribute path>/<name>. */
                            id: string;
                            latching: boolean;
                            /** @description The message with its placeholders filled with the current value. */
                            message: string;
                            /** @description hihi, hi, lo, lolo, or the rule's name. */
                            name: string;
                            outOfService?: {
                                at: number;
                                by: string;
                                reason: string;
                            };
                            /** @description The attribute it watches. */
                            path: string;
                            priority: "urgent" | "high" | "medium" | "low";
                            rationalization: {
                                cause?: string;
                                consequence?: string;
                                correctiveAction?: string;
                                owner?: string;
                                timeToRespondMs?: number;
                            };
                            /** @description Limits: the setpoint; deviations and rates of change: the limit. */
                            setpoint?: number;
                            shelved?: {
                                at: number;
                                by: string;
                                reason: string;
                                until: number;
                            };
                            /**
                             * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                             * @enum {string}
                             */
                            state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                            suppressed: boolean;
                            type: "limit" | "discrete" | "deviation" | "quality" | "rate-of-change" | "condition";
                            unit?: string;
                            value?: number | boolean | string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/in-service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return an alarm to service (an engineer); a standing condition raises it again. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The alarm id, <attribute path>/<name>, URL-encoded. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acked?: {
                                at: number;
                                by: string;
                                comment?: string;
                            };
                            /** @description The condition (after on- and off-delays), also while shelved, suppressed or out of service. */
                            active: boolean;
                            /** @description When the condition last became active (source time, epoch ms). */
                            activeAt?: number;
                            area?: string;
                            asset: string;
                            /** @description Time of the last transition, epoch ms. */
                            changedAt: number;
                            /** @description Deviations: the attribute compared with. */
                            from?: string;
                            /** @description <attribute path>/<name>. */
                            id: string;
                            latching: boolean;
                            /** @description The message with its placeholders filled with the current value. */
                            message: string;
                            /** @description hihi, hi, lo, lolo, or the rule's name. */
                            name: string;
                            outOfService?: {
                                at: number;
                                by: string;
                                reason: string;
                            };
                            /** @description The attribute it watches. */
                            path: string;
                            priority: "urgent" | "high" | "medium" | "low";
                            rationalization: {
                                cause?: string;
                                consequence?: string;
                                correctiveAction?: string;
                                owner?: string;
                                timeToRespondMs?: number;
                            };
                            /** @description Limits: the setpoint; deviations and rates of change: the limit. */
                            setpoint?: number;
                            shelved?: {
                                at: number;
                                by: string;
                                reason: string;
                                until: number;
                            };
                            /**
                             * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                             * @enum {string}
                             */
                            state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                            suppressed: boolean;
                            type: "limit" | "discrete" | "deviation" | "quality" | "rate-of-change" | "condition";
                            unit?: string;
                            value?: number | boolean | string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/out-of-service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an alarm out of service (an engineer: configure and write in its zone), with a reason, e.g. an instrument removed for repair. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The alarm id, <attribute path>/<name>, URL-encoded. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acked?: {
                                at: number;
                                by: string;
                                comment?: string;
                            };
                            /** @description The condition (after on- and off-delays), also while shelved, suppressed or out of service. */
                            active: boolean;
                            /** @description When the condition last became active (source time, epoch ms). */
                            activeAt?: number;
                            area?: string;
                            asset: string;
                            /** @description Time of the last transition, epoch ms. */
                            changedAt: number;
                            /** @description Deviations: the attribute compared with. */
                            from?: string;
                            /** @description <attribute path>/<name>. */
                            id: string;
                            latching: boolean;
                            /** @description The message with its placeholders filled with the current value. */
                            message: string;
                            /** @description hihi, hi, lo, lolo, or the rule's name. */
                            name: string;
                            outOfService?: {
                                at: number;
                                by: string;
                                reason: string;
                            };
                            /** @description The attribute it watches. */
                            path: string;
                            priority: "urgent" | "high" | "medium" | "low";
                            rationalization: {
                                cause?: string;
                                consequence?: string;
                                correctiveAction?: string;
                                owner?: string;
                                timeToRespondMs?: number;
                            };
                            /** @description Limits: the setpoint; deviations and rates of change: the limit. */
                            setpoint?: number;
                            shelved?: {
                                at: number;
                                by: string;
                                reason: string;
                                until: number;
                            };
                            /**
                             * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                             * @enum {string}
                             */
                            state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                            suppressed: boolean;
                            type: "limit" | "discrete" | "deviation" | "quality" | "rate-of-change" | "condition";
                            unit?: string;
                            value?: number | boolean | string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/shelve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Shelve an alarm for a limited time with a reason: it leaves the list and comes back by itself when the time is up (raised again if its condition still stands). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The alarm id, <attribute path>/<name>, URL-encoded. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description How long, e.g. 30m or 2h (at most 24 h). */
                        duration: number | string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acked?: {
                                at: number;
                                by: string;
                                comment?: string;
                            };
                            /** @description The condition (after on- and off-delays), also while shelved, suppressed or out of service. */
                            active: boolean;
                            /** @description When the condition last became active (source time, epoch ms). */
                            activeAt?: number;
                            area?: string;
                            asset: string;
                            /** @description Time of the last transition, epoch ms. */
                            changedAt: number;
                            /** @description Deviations: the attribute compared with. */
                            from?: string;
                            /** @description <attribute path>/<name>. */
                            id: string;
                            latching: boolean;
                            /** @description The message with its placeholders filled with the current value. */
                            message: string;
                            /** @description hihi, hi, lo, lolo, or the rule's name. */
                            name: string;
                            outOfService?: {
                                at: number;
                                by: string;
                                reason: string;
                            };
                            /** @description The attribute it watches. */
                            path: string;
                            priority: "urgent" | "high" | "medium" | "low";
                            rationalization: {
                                cause?: string;
                                consequence?: string;
                                correctiveAction?: string;
                                owner?: string;
                                timeToRespondMs?: number;
                            };
                            /** @description Limits: the setpoint; deviations and rates of change: the limit. */
                            setpoint?: number;
                            shelved?: {
                                at: number;
                                by: string;
                                reason: string;
                                until: number;
                            };
                            /**
                             * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                             * @enum {string}
                             */
                            state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                            suppressed: boolean;
                            type: "limit" | "discrete" | "deviation" | "quality" | "rate-of-change" | "condition";
                            unit?: string;
                            value?: number | boolean | string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/unshelve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the shelving of an alarm now (raised again if its condition stands); an alarm that is not shelved is answered unchanged. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The alarm id, <attribute path>/<name>, URL-encoded. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acked?: {
                                at: number;
                                by: string;
                                comment?: string;
                            };
                            /** @description The condition (after on- and off-delays), also while shelved, suppressed or out of service. */
                            active: boolean;
                            /** @description When the condition last became active (source time, epoch ms). */
                            activeAt?: number;
                            area?: string;
                            asset: string;
                            /** @description Time of the last transition, epoch ms. */
                            changedAt: number;
                            /** @description Deviations: the attribute compared with. */
                            from?: string;
                            /** @description <attribute path>/<name>. */
                            id: string;
                            latching: boolean;
                            /** @description The message with its placeholders filled with the current value. */
                            message: string;
                            /** @description hihi, hi, lo, lolo, or the rule's name. */
                            name: string;
                            outOfService?: {
                                at: number;
                                by: string;
                                reason: string;
                            };
                            /** @description The attribute it watches. */
                            path: string;
                            priority: "urgent" | "high" | "medium" | "low";
                            rationalization: {
                                cause?: string;
                                consequence?: string;
                                correctiveAction?: string;
                                owner?: string;
                                timeToRespondMs?: number;
                            };
                            /** @description Limits: the setpoint; deviations and rates of change: the limit. */
                            setpoint?: number;
                            shelved?: {
                                at: number;
                                by: string;
                                reason: string;
                                until: number;
                            };
                            /**
                             * @description NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.
                             * @enum {string}
                             */
                            state: "NORMAL" | "UNACK_ACTIVE" | "ACKED_ACTIVE" | "RTN_UNACK" | "LATCHED" | "SHELVED" | "SUPPRESSED" | "OUT_OF_SERVICE";
                            suppressed: boolean;
                            type: "limit" | "discrete" | "deviation" | "quality" | "rate-of-change" | "condition";
                            unit?: string;
                            value?: number | boolean | string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The asset inventory in the zones where you may configure or audit: discovered devices and those added by hand, by name; filter by site, zone, vendor and text, page with limit and offset. */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    site?: string;
                    /** @description Words anywhere in the record (name, vendor, product, version, serial, owner, endpoints…). */
                    text?: string;
                    /** @description Vendor as recorded, case-insensitive. */
                    vendor?: string;
                    zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assets: {
                                cpe?: string;
                                createdAt: number;
                                /** @description How much the plant depends on it: low, medium, high, critical. */
                                criticality?: "low" | "medium" | "high" | "critical";
                                description?: string;
                                endpoints: string[];
                                /** @description What else the device said (OPC UA build number and product URI, Sparkplug OS…). */
                                facts?: {
                                    [key: string]: string;
                                };
                                firstSeen?: number;
                                id: string;
                                lastSeen?: number;
                                /** @description Purdue level of the zone. */
                                level?: number;
                                model?: string;
                                name: string;
                                namespace: string[];
                                origin: {
                                    /** @description The source it was discovered from. */
                                    connection?: string;
                                    /** @description The device behind the connection (Sparkplug group/node). */
                                    device?: string;
                                    file?: string;
                                    kind: "discovered" | "manual" | "csv";
                                };
                                owner?: {
                                    person?: string;
                                    team?: string;
                                };
                                posture: {
                                    /** @description The device accepts logins without credentials. */
                                    anonymousLogin?: boolean;
                                    /** @description The device certificate's expiry, ISO 8601. */
                                    certificateExpiry?: string;
                                    /** @description The link to the device is encrypted. */
                                    encrypted?: boolean;
                                    /** @description How the link is (or is not) secured. */
                                    link?: string;
                                    /** @description OPC UA: mode/policy of the session, e.g. SignAndEncrypt/Basic256Sha256. */
                                    securityPolicy?: string;
                                };
                                product?: string;
                                protocols: string[];
                                purl?: string;
                                serial?: string;
                                site: string;
                                updatedAt: number;
                                vendor?: string;
                                /** @description Firmware or software version. */
                                version?: string;
                                zone?: string;
                            }[];
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an asset the hub does not talk to (HMI, switch, engineering workstation): name and zone required. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cpe?: string;
                        criticality?: ("low" | "medium" | "high" | "critical") | "";
                        description?: string;
                        /** @description Addresses it is reached at. */
                        endpoints?: string[];
                        /** @description Default: the hub gives one (asset-<hex>). */
                        id?: string;
                        model?: string;
                        name?: string;
                        /** @description Namespace subtrees it feeds. */
                        namespace?: string[];
                        owner?: {
                            person?: string;
                            team?: string;
                        };
                        posture?: {
                            anonymousLogin?: boolean;
                            certificateExpiry?: string;
                            encrypted?: boolean;
                            securityPolicy?: string;
                        };
                        product?: string;
                        /** @description modbus, opcua, profinet, http… */
                        protocols?: string[];
                        purl?: string;
                        serial?: string;
                        site?: string;
                        vendor?: string;
                        /** @description Firmware or software version. */
                        version?: string;
                        zone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cpe?: string;
                            createdAt: number;
                            /** @description How much the plant depends on it: low, medium, high, critical. */
                            criticality?: "low" | "medium" | "high" | "critical";
                            description?: string;
                            endpoints: string[];
                            /** @description What else the device said (OPC UA build number and product URI, Sparkplug OS…). */
                            facts?: {
                                [key: string]: string;
                            };
                            firstSeen?: number;
                            id: string;
                            lastSeen?: number;
                            /** @description Purdue level of the zone. */
                            level?: number;
                            model?: string;
                            name: string;
                            namespace: string[];
                            origin: {
                                /** @description The source it was discovered from. */
                                connection?: string;
                                /** @description The device behind the connection (Sparkplug group/node). */
                                device?: string;
                                file?: string;
                                kind: "discovered" | "manual" | "csv";
                            };
                            owner?: {
                                person?: string;
                                team?: string;
                            };
                            posture: {
                                /** @description The device accepts logins without credentials. */
                                anonymousLogin?: boolean;
                                /** @description The device certificate's expiry, ISO 8601. */
                                certificateExpiry?: string;
                                /** @description The link to the device is encrypted. */
                                encrypted?: boolean;
                                /** @description How the link is (or is not) secured. */
                                link?: string;
                                /** @description OPC UA: mode/policy of the session, e.g. SignAndEncrypt/Basic256Sha256. */
                                securityPolicy?: string;
                            };
                            product?: string;
                            protocols: string[];
                            purl?: string;
                            serial?: string;
                            site: string;
                            updatedAt: number;
                            vendor?: string;
                            /** @description Firmware or software version. */
                            version?: string;
                            zone?: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One asset with its history: discovery, identity and firmware changes, hand edits, imports. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asset: {
                                cpe?: string;
                                createdAt: number;
                                /** @description How much the plant depends on it: low, medium, high, critical. */
                                criticality?: "low" | "medium" | "high" | "critical";
                                description?: string;
                                endpoints: string[];
                                /** @description What else the device said (OPC UA build number and product URI, Sparkplug OS…). */
                                facts?: {
                                    [key: string]: string;
                                };
                                firstSeen?: number;
                                id: string;
                                lastSeen?: number;
                                /** @description Purdue level of the zone. */
                                level?: number;
                                model?: string;
                                name: string;
                                namespace: string[];
                                origin: {
                                    /** @description The source it was discovered from. */
                                    connection?: string;
                                    /** @description The device behind the connection (Sparkplug group/node). */
                                    device?: string;
                                    file?: string;
                                    kind: "discovered" | "manual" | "csv";
                                };
                                owner?: {
                                    person?: string;
                                    team?: string;
                                };
                                posture: {
                                    /** @description The device accepts logins without credentials. */
                                    anonymousLogin?: boolean;
                                    /** @description The device certificate's expiry, ISO 8601. */
                                    certificateExpiry?: string;
                                    /** @description The link to the device is encrypted. */
                                    encrypted?: boolean;
                                    /** @description How the link is (or is not) secured. */
                                    link?: string;
                                    /** @description OPC UA: mode/policy of the session, e.g. SignAndEncrypt/Basic256Sha256. */
                                    securityPolicy?: string;
                                };
                                product?: string;
                                protocols: string[];
                                purl?: string;
                                serial?: string;
                                site: string;
                                updatedAt: number;
                                vendor?: string;
                                /** @description Firmware or software version. */
                                version?: string;
                                zone?: string;
                            };
                            history: {
                                actor: string;
                                at: number;
                                changes: {
                                    [key: string]: {
                                        from?: unknown;
                                        to?: unknown;
                                    };
                                };
                                event: "discovered" | "identity-changed" | "created" | "updated" | "imported" | "deleted";
                                seq: number;
                                time: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an asset kept by hand (or one whose connection is no longer configured); its history stays. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change fields of an asset (owner, criticality, identity of a hand-kept device…); an empty text clears a field. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description The fields to change; an empty text clears a field. */
            requestBody: {
                content: {
                    "application/json": {
                        cpe?: string;
                        criticality?: ("low" | "medium" | "high" | "critical") | "";
                        description?: string;
                        /** @description Addresses it is reached at. */
                        endpoints?: string[];
                        model?: string;
                        name?: string;
                        /** @description Namespace subtrees it feeds. */
                        namespace?: string[];
                        owner?: {
                            person?: string;
                            team?: string;
                        };
                        posture?: {
                            anonymousLogin?: boolean;
                            certificateExpiry?: string;
                            encrypted?: boolean;
                            securityPolicy?: string;
                        };
                        product?: string;
                        /** @description modbus, opcua, profinet, http… */
                        protocols?: string[];
                        purl?: string;
                        serial?: string;
                        site?: string;
                        vendor?: string;
                        /** @description Firmware or software version. */
                        version?: string;
                        zone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cpe?: string;
                            createdAt: number;
                            /** @description How much the plant depends on it: low, medium, high, critical. */
                            criticality?: "low" | "medium" | "high" | "critical";
                            description?: string;
                            endpoints: string[];
                            /** @description What else the device said (OPC UA build number and product URI, Sparkplug OS…). */
                            facts?: {
                                [key: string]: string;
                            };
                            firstSeen?: number;
                            id: string;
                            lastSeen?: number;
                            /** @description Purdue level of the zone. */
                            level?: number;
                            model?: string;
                            name: string;
                            namespace: string[];
                            origin: {
                                /** @description The source it was discovered from. */
                                connection?: string;
                                /** @description The device behind the connection (Sparkplug group/node). */
                                device?: string;
                                file?: string;
                                kind: "discovered" | "manual" | "csv";
                            };
                            owner?: {
                                person?: string;
                                team?: string;
                            };
                            posture: {
                                /** @description The device accepts logins without credentials. */
                                anonymousLogin?: boolean;
                                /** @description The device certificate's expiry, ISO 8601. */
                                certificateExpiry?: string;
                                /** @description The link to the device is encrypted. */
                                encrypted?: boolean;
                                /** @description How the link is (or is not) secured. */
                                link?: string;
                                /** @description OPC UA: mode/policy of the session, e.g. SignAndEncrypt/Basic256Sha256. */
                                securityPolicy?: string;
                            };
                            product?: string;
                            protocols: string[];
                            purl?: string;
                            serial?: string;
                            site: string;
                            updatedAt: number;
                            vendor?: string;
                            /** @description Firmware or software version. */
                            version?: string;
                            zone?: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/assets/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import assets from CSV (text/csv, a header row, at most 10000 rows and 4 MiB): rows with a known id update it, the others add assets; every rejected row is reported with its line and why. */
        post: {
            parameters: {
                query?: {
                    /** @description The file name, kept as the assets' origin. */
                    file?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: string[];
                            rejected: {
                                id?: string;
                                line: number;
                                name?: string;
                                problems: string[];
                            }[];
                            rows: number;
                            updated: string[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit records, newest first: sign-ins, user, token and session changes, writes and approvals, exports.
         * @description Filter by actor, action (a family such as write matches write.request, write.approve, …), target and time; page with before=<seq of the last record>.
         */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    before?: number;
                    from?: string;
                    limit?: number;
                    target?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Pass as before= for the next (older) page. */
                            before?: number;
                            records: {
                                action: string;
                                actor: string;
                                address?: string;
                                detail?: {
                                    [key: string]: unknown;
                                };
                                hash: string;
                                /** @description HMAC-SHA256 under the audit key (records from the keyed chain's anchor on). */
                                mac?: string;
                                outcome: string;
                                prevHash: string;
                                seq: number;
                                target?: string;
                                time: string;
                                ts: number;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the keyed chain and compare it with the exported checkpoints: ok, or the first record that was edited, deleted or cut from the end. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The newest exported checkpoint the log was checked against. */
                            checkpoint?: {
                                at: number;
                                file: string;
                                seq: number;
                            };
                            count: number;
                            failure?: string;
                            head?: {
                                hash: string;
                                seq: number;
                            };
                            /** @description The first record of the keyed chain. */
                            keyedFrom?: number;
                            /** @description Records written before the keyed chain, verified with the unkeyed hash chain only. */
                            legacy: number;
                            ok: boolean;
                            problem?: string;
                            recording: boolean;
                            seq?: number;
                            warnings: string[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/confirmations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirmations to the ERP, newest first, with their delivery state at each target. */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    order?: string;
                    state?: "pending" | "delivered" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmations: {
                                attempts: number;
                                confirmation: {
                                    createdAt: string;
                                    endedAt: string;
                                    final: boolean;
                                    good: number;
                                    key: string;
                                    line: string;
                                    oee?: {
                                        availability: number | null;
                                        oee: number | null;
                                        performance: number | null;
                                        quality: number | null;
                                    };
                                    orderId: string;
                                    product: string;
                                    quantity: number;
                                    scrap: number;
                                    sequence: number;
                                    startedAt?: string;
                                    status: string;
                                    unit: string;
                                };
                                createdAt: number;
                                deliveredAt?: number;
                                /** @description The idempotency key: <order id>-<sequence>. */
                                key: string;
                                lastError?: string;
                                nextAttemptAt?: number;
                                orderId: string;
                                /** @description pending (with nextAttemptAt), delivered or failed (refused; retry by hand). */
                                state: string;
                                target: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/confirmations/{key}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed or waiting confirmation again now (same idempotency key). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            /** @enum {string} */
                            state: "pending";
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/downtime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A line's stops in a range (default the last 24 hours), each with its reason and the loss it counts as. */
        get: {
            parameters: {
                query: {
                    from?: string;
                    line: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The reasons a stop may be given (production.reasons). */
                            reasons: {
                                code: number;
                                label: string;
                                /** @description breakdown, setup, minor or planned. */
                                loss: string;
                            }[];
                            stops: {
                                /** @description breakdown, setup, minor or planned. */
                                class: string;
                                durationMs: number;
                                end: number;
                                /** @description <line>.<start ms>: the id to assign a reason to. */
                                id: string;
                                origin: number;
                                reason?: number;
                                reasonLabel?: string;
                                /** @description plc or operator. */
                                reasonSource?: string;
                                start: number;
                                state: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/downtime/{id}/reason": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a stop its reason after the fact; it overrides the PLC's and moves the stop's time to that reason's loss in OEE. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: number;
                            line: string;
                            origin: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download history as CSV or Parquet: raw samples, or with `agg` and `interval` one value per bucket.
         * @description CSV (RFC 4180, CRLF, ISO 8601 UTC times): long `time,path,value,quality` (raw) or `time,path,value,count,bad` (agg); `wide=true` gives one column per path. Parquet: columns time (UTC), path, value (numbers), value_bool, value_text, quality (raw) or count, bad (agg), zstd. The number of rows counted before the download starts is in the X-Export-Rows header. Bounded: the hub refuses ranges or row counts above its export limits.
         */
        get: {
            parameters: {
                query: {
                    agg?: "avg" | "twa" | "min" | "max" | "count" | "first" | "last" | "sum" | "stddev" | "delta" | "integral";
                    fill?: "none" | "previous" | "linear";
                    format?: "csv" | "parquet";
                    /** @description ISO 8601, epoch ms, now, or relative (-15m, -2h, -7d). Default: a day before `to`. */
                    from?: string;
                    /** @description Bucket size with agg: 1m, 15m, 1h, 1d … */
                    interval?: string;
                    /** @description Paths; repeat the parameter or separate with commas. */
                    path: string[];
                    /** @description Exclusive end; default now. */
                    to?: string;
                    /** @description IANA time zone for calendar buckets; default UTC. */
                    tz?: string;
                    /** @description CSV only: one column per path and one row per timestamp (bad samples blank). */
                    wide?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (CSV or Parquet), streamed. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.apache.parquet": unknown;
                        "text/csv; charset=utf-8; header=present": unknown;
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.apache.parquet": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                        "text/csv; charset=utf-8; header=present": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.apache.parquet": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                        "text/csv; charset=utf-8; header=present": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.apache.parquet": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                        "text/csv; charset=utf-8; header=present": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the hub alive, and what is degraded right now? */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            historian: {
                                /** @description Failed flushes since start (history, not health). */
                                failedFlushes: number;
                                /** @description The latest flush attempt failed and none has succeeded since. */
                                failing: boolean;
                                lastFlushAt?: number;
                                pending: number;
                                written: number;
                            };
                            /** @description How old samples are, from arrival at the hub (accepted into the ingest spool) until the historian stored them durably or a sink's destination acknowledged them; per stage, over the last minute. The full histograms are causeway_sample_age_seconds on /metrics. */
                            latency?: {
                                /** @description Median age over the last minute (from the 1 ms – 10 s histogram buckets). */
                                p50Seconds?: number;
                                p99Seconds?: number;
                                /** @description Samples observed in the last minute. */
                                samples: number;
                                /** @description The sink id, for stage sink. */
                                sink?: string;
                                stage: "historian" | "sink";
                                /** @description Samples observed since the hub started. */
                                total: number;
                            }[];
                            /** @description What is wrong now; empty when ok. */
                            problems: {
                                /** @description historian, spool, audit, source:<id> or sink:<id>. */
                                component: string;
                                problem: string;
                            }[];
                            /** @description The config has a production block: work orders, OEE and stops are served (the console asks for them only then). */
                            production: boolean;
                            sinks: {
                                /** @description Samples waiting in the sinks' store-and-forward buffers. */
                                backlog: number;
                                connected: number;
                                total: number;
                            };
                            sources: {
                                connected: number;
                                total: number;
                            };
                            /** @description The ingest write-ahead spool, when the hub has one. */
                            spool?: {
                                bytes: number;
                                consumers: {
                                    lagSamples: number;
                                    name: string;
                                }[];
                                diskFreeBytes?: number;
                                /** @description Ingest is refused until the consumers catch up. */
                                full: boolean;
                                maxBytes: number;
                                /** @description Age of the oldest sample still held. */
                                oldestAgeSeconds?: number;
                                /** @description Samples not yet durable in every consumer. */
                                samples: number;
                                usedPercent: number;
                            };
                            /** @description degraded while the historian's latest flush failed, an enabled source or sink is not connected, the ingest spool is full or above 80 % of its limit, or the audit log cannot record; ok again by itself after recovery. */
                            status: "ok" | "degraded";
                            uptimeSeconds: number;
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * History of one or more paths: raw samples (paged with a cursor), or with `agg` and `interval` one value per bucket.
         * @description Aggregates: avg, twa (time-weighted, including the value in force at each bucket start), min, max, count, first, last, sum, stddev, delta (counters, rollover- and reset-safe), integral. Bad samples are left out of aggregates and counted per bucket. fill: none | previous | linear. twa and integral follow each attribute's interpolation, delta its counter range and drop rule (config: interpolation, rolloverAt or bits, onDrop). Unknown parameters or values are refused (422) with the allowed ones; a path nothing is at answers 404.
         */
        get: {
            parameters: {
                query: {
                    agg?: "avg" | "twa" | "min" | "max" | "count" | "first" | "last" | "sum" | "stddev" | "delta" | "integral";
                    /** @description Raw mode: the cursor of the previous page. */
                    cursor?: string;
                    fill?: "none" | "previous" | "linear";
                    /** @description ISO 8601, epoch ms, now, or relative (-15m, -2h, -7d). Default: an hour before `to`. */
                    from?: string;
                    /** @description Bucket size with aggregates: 500ms, 10s, 1m, 1h (fixed), 1d, 1w, 1mo, 1y (calendar, in tz). */
                    interval?: string;
                    /** @description Raw mode: samples per page; at most, and by default, api.limits.maxRows (100,000 unless configured). */
                    limit?: number;
                    /** @description Paths; repeat the parameter or separate with commas. */
                    path: string[];
                    /** @description Exclusive end; default now. */
                    to?: string;
                    /** @description IANA time zone for calendar buckets; default UTC. */
                    tz?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cursor?: string;
                            from: number;
                            series: ({
                                agg: string;
                                buckets: {
                                    bad: number;
                                    count: number;
                                    end: number;
                                    filled?: boolean;
                                    start: number;
                                    value: (number | boolean | string) | null;
                                }[];
                                path: string;
                                unit?: string;
                            } | {
                                path: string;
                                samples: {
                                    quality: "good" | "uncertain" | "bad";
                                    ts: number;
                                    value: number | boolean | string;
                                }[];
                                unit?: string;
                            })[];
                            to: number;
                            truncated: boolean;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/at": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each path's value at an instant: the sample there, or interpolated as the attribute says (default: numbers linearly, booleans, strings and states by step). */
        get: {
            parameters: {
                query: {
                    /** @description Paths; repeat the parameter or separate with commas. */
                    path: string[];
                    /** @description ISO 8601, epoch ms, now, or relative. */
                    time: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            time: number;
                            values: {
                                /** @description exact, step, linear, or none when no sample lies before the time. */
                                method: string;
                                nextTs?: number;
                                path: string;
                                priorTs?: number;
                                quality?: "good" | "uncertain" | "bad";
                                unit?: string;
                                value: (number | boolean | string) | null;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lineage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the values of an attribute or raw tag come from (source, tag, transforms, calculation inputs) and where they go (historian, sinks, calculations). */
        get: {
            parameters: {
                query: {
                    /** @description A namespace path or path prefix, e.g. acme/springfield/packaging/line1. */
                    path: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attribute?: {
                                alarms?: {
                                    deadband?: number;
                                    hi?: number;
                                    hihi?: number;
                                    lo?: number;
                                    lolo?: number;
                                };
                                asset: string;
                                boundTo?: string;
                                /** @description The expression of a calculated attribute. */
                                calc?: string;
                                description?: string;
                                max?: number;
                                min?: number;
                                name: string;
                                path: string;
                                required?: boolean;
                                states?: {
                                    [key: string]: string;
                                };
                                template?: string;
                                /** @description number, boolean, string, counter or state. */
                                type: string;
                                unit?: string;
                                /** @description How values are sent: number, boolean or string. */
                                valueType: string;
                                writable: boolean;
                            };
                            consumers: ({
                                kind: "historian" | "sink" | "calculation";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @description Sinks that do not get it, and why. */
                            excluded: {
                                reason: string;
                                sink: string;
                            }[];
                            kind: "bound" | "calculated" | "unbound" | "raw";
                            path: string;
                            source?: {
                                id: string;
                                kind?: string;
                                /** @description The tag config: unit, scale, offset, clamp, deadband, type, description. */
                                tag: {
                                    /** @description False for a tag the source discovered itself. */
                                    configured: boolean;
                                    id: string;
                                    path: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                zone?: string;
                            };
                            transforms: ({
                                /** @description normalize, deadband, value-map, scale, unit-conversion or calculation. */
                                stage: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @description Every raw tag upstream, through calculations. */
                            upstream: string[];
                            /** @description The zone its values belong to: the source's, or the hub's for a calculation. */
                            zone?: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live values over a WebSocket: subscribe to path prefixes, get a snapshot, then every change (coalesced, at most every 250 ms).
         * @description Client → hub: {"type":"subscribe","paths":["acme/springfield/packaging/line1"]} (replaces the subscription). Hub → client: {"type":"snapshot","paths":[…],"values":[{path,value,ts,quality,reason?,unit}],"truncated":false}, then {"type":"values","values":[…]}, and alarm transitions under the prefixes as {"type":"alarms","events":[journal entries]}; a bad message gets {"type":"error","code","title","hint"}. A plain HTTP GET answers 400.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Prefixes to subscribe to at once, comma-separated (also possible later with a subscribe message). */
                    path?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: sets an HttpOnly session cookie and answers with the user and the CSRF token. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it as X-CSRF-Token with every POST, PATCH and DELETE made with the session cookie. */
                            csrfToken?: string;
                            /** @description Permissions held somewhere (zones and subtrees in the grants). */
                            permissions: ("read" | "write" | "configure" | "approve" | "audit" | "admin")[];
                            session?: {
                                createdAt: number;
                                expiresAt: number;
                                id: string;
                            };
                            token?: {
                                id: string;
                                name: string;
                                scopes: ("read" | "write" | "configure" | "approve" | "audit" | "admin")[];
                            };
                            user: {
                                createdAt: number;
                                disabled: boolean;
                                grants: {
                                    /** @description Only at or below these namespace paths. */
                                    paths?: string[];
                                    /** @enum {string} */
                                    role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                                    /** @description Only in these zones. */
                                    zones?: string[];
                                }[];
                                id: string;
                                /** @description The last successful sign-in, epoch ms; absent when the user never signed in. */
                                lastLoginAt?: number;
                                /** @description Set while an admin has locked the account: nobody signs in as it until an admin unlocks it. */
                                locked?: {
                                    at: number;
                                    by: string;
                                    reason?: string;
                                };
                                updatedAt: number;
                                username: string;
                            };
                            via: "session" | "token";
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends this session. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in: user, grants, permissions, and the CSRF token of a session. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it as X-CSRF-Token with every POST, PATCH and DELETE made with the session cookie. */
                            csrfToken?: string;
                            /** @description Permissions held somewhere (zones and subtrees in the grants). */
                            permissions: ("read" | "write" | "configure" | "approve" | "audit" | "admin")[];
                            session?: {
                                createdAt: number;
                                expiresAt: number;
                                id: string;
                            };
                            token?: {
                                id: string;
                                name: string;
                                scopes: ("read" | "write" | "configure" | "approve" | "audit" | "admin")[];
                            };
                            user: {
                                createdAt: number;
                                disabled: boolean;
                                grants: {
                                    /** @description Only at or below these namespace paths. */
                                    paths?: string[];
                                    /** @enum {string} */
                                    role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                                    /** @description Only in these zones. */
                                    zones?: string[];
                                }[];
                                id: string;
                                /** @description The last successful sign-in, epoch ms; absent when the user never signed in. */
                                lastLoginAt?: number;
                                /** @description Set while an admin has locked the account: nobody signs in as it until an admin unlocks it. */
                                locked?: {
                                    at: number;
                                    by: string;
                                    reason?: string;
                                };
                                updatedAt: number;
                                username: string;
                            };
                            via: "session" | "token";
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (every session of yours ends; sign in again). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        current: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/namespace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The children of a path (the roots when path is omitted), with the asset or attribute at that path; with template= or q=, the matching assets and attributes at or below it. */
        get: {
            parameters: {
                query?: {
                    /** @description Search: only assets, or only attributes. */
                    kind?: "asset" | "attribute";
                    limit?: number;
                    offset?: number;
                    path?: string;
                    /** @description Search: words that must all appear in the path, name, description or unit (case-insensitive). */
                    q?: string;
                    /** @description Search: assets of this template (or one extending it) and their attributes. */
                    template?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asset?: {
                                attributes: string[];
                                /** @description Child assets (composition). */
                                children?: string[];
                                description?: string;
                                /** @description Created from its parent's template, not declared. */
                                implicit?: boolean;
                                path: string;
                                template?: string;
                            };
                            attribute?: {
                                alarms?: {
                                    deadband?: number;
                                    hi?: number;
                                    hihi?: number;
                                    lo?: number;
                                    lolo?: number;
                                };
                                asset: string;
                                boundTo?: string;
                                /** @description The expression of a calculated attribute. */
                                calc?: string;
                                description?: string;
                                max?: number;
                                min?: number;
                                name: string;
                                path: string;
                                required?: boolean;
                                states?: {
                                    [key: string]: string;
                                };
                                template?: string;
                                /** @description number, boolean, string, counter or state. */
                                type: string;
                                unit?: string;
                                /** @description How values are sent: number, boolean or string. */
                                valueType: string;
                                writable: boolean;
                            };
                            children?: {
                                kind: "folder" | "asset" | "attribute" | "tag";
                                /** @description Attributes and raw tags at or below this node. */
                                leafCount: number;
                                name: string;
                                path: string;
                                template?: string;
                            }[];
                            limit?: number;
                            matches?: {
                                description?: string;
                                kind: "asset" | "attribute";
                                name: string;
                                path: string;
                                template?: string;
                                type?: string;
                                unit?: string;
                            }[];
                            offset?: number;
                            path: string;
                            /** @description Matches in all, before paging. */
                            total?: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OEE = availability × performance × quality per line, by shift, day or order (or over the whole range), with the six big losses and downtime by reason.
         * @description Default range: the last 24 hours. Ratios are 0…1 (null when undefined); the definitions are in src/production/README.md.
         */
        get: {
            parameters: {
                query?: {
                    by?: "shift" | "day" | "order" | "range";
                    from?: string;
                    /** @description A line id; all lines when omitted. */
                    line?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            periods: {
                                availability: number | null;
                                counts: {
                                    good: number;
                                    reject: number;
                                    startupReject: number;
                                    total: number;
                                    /** @description Units made with no ideal cycle time in force. */
                                    unrated: number;
                                };
                                downtime: {
                                    class: string;
                                    durationMs: number;
                                    label: string;
                                    reason: number | null;
                                    stops: number;
                                }[];
                                fullyProductiveMs: number;
                                idealMs: number;
                                line: string;
                                /** @description The six big losses, ms of planned production time. */
                                losses: {
                                    breakdowns: number;
                                    idlingAndMinorStops: number;
                                    productionRejects: number;
                                    reducedSpeed: number;
                                    setupAndAdjustments: number;
                                    startupRejects: number;
                                };
                                oee: number | null;
                                performance: number | null;
                                period: {
                                    date?: string;
                                    from: number;
                                    /** @description shift, day, order or range. */
                                    kind: string;
                                    name?: string;
                                    orderId?: string;
                                    to: number;
                                };
                                quality: number | null;
                                /** @description Milliseconds. */
                                time: {
                                    /** @description to − from */
                                    calendar: number;
                                    /** @description planned production − breakdowns − setup */
                                    operating: number;
                                    /** @description planned stops */
                                    planned: number;
                                    /** @description calendar − planned − unknown */
                                    plannedProduction: number;
                                    /** @description in the running state */
                                    running: number;
                                    /** @description no state known */
                                    unknown: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The identity provider's redirect back: starts a session and returns to the console. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign in through the site's identity provider: redirects there, and back to returnTo (a path on this hub) afterwards. */
        get: {
            parameters: {
                query?: {
                    returnTo?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pki": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OPC UA client certificates: the hub's own, the servers' it trusts, and the servers' it met and rejected.
         * @description A server the hub meets for the first time is rejected and listed here; check its thumbprint with the server's administrator, then trust it.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            certificates: {
                                /** @description Outside its validity now. */
                                expired: boolean;
                                /** @description Sources that met it: the server sent it to them (or, for own, they present it). */
                                metBy: {
                                    source: string;
                                    /** @enum {string} */
                                    state: "stopped" | "connecting" | "connected" | "backoff";
                                    /** @description The source does not connect because it does not trust this certificate. */
                                    waiting: boolean;
                                }[];
                                /** @description The OPC UA sources whose PKI folder holds it. */
                                sources: string[];
                                /** @enum {string} */
                                status: "own" | "trusted" | "rejected";
                                subject: string;
                                /** @description SHA-1 of the DER certificate, lowercase hex, as OPC UA tools show it. */
                                thumbprint: string;
                                /** @description ISO 8601. */
                                validFrom: string;
                                /** @description ISO 8601. */
                                validTo: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pki/{thumbprint}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop trusting a server's certificate (move it to rejected): OPC UA sources refuse that server from their next connection on. Audited. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The full thumbprint, 40 hex digits. */
                    thumbprint: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Outside its validity now. */
                            expired: boolean;
                            /** @description Sources that met it: the server sent it to them (or, for own, they present it). */
                            metBy: {
                                source: string;
                                /** @enum {string} */
                                state: "stopped" | "connecting" | "connected" | "backoff";
                                /** @description The source does not connect because it does not trust this certificate. */
                                waiting: boolean;
                            }[];
                            /** @description The OPC UA sources whose PKI folder holds it. */
                            sources: string[];
                            /** @enum {string} */
                            status: "own" | "trusted" | "rejected";
                            subject: string;
                            /** @description SHA-1 of the DER certificate, lowercase hex, as OPC UA tools show it. */
                            thumbprint: string;
                            /** @description ISO 8601. */
                            validFrom: string;
                            /** @description ISO 8601. */
                            validTo: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pki/{thumbprint}/trust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trust a server's certificate (move it to trusted): OPC UA sources waiting for that server retry at once. Audited. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The full thumbprint, 40 hex digits. */
                    thumbprint: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Outside its validity now. */
                            expired: boolean;
                            /** @description Sources that met it: the server sent it to them (or, for own, they present it). */
                            metBy: {
                                source: string;
                                /** @enum {string} */
                                state: "stopped" | "connecting" | "connected" | "backoff";
                                /** @description The source does not connect because it does not trust this certificate. */
                                waiting: boolean;
                            }[];
                            /** @description The OPC UA sources whose PKI folder holds it. */
                            sources: string[];
                            /** @enum {string} */
                            status: "own" | "trusted" | "rejected";
                            subject: string;
                            /** @description SHA-1 of the DER certificate, lowercase hex, as OPC UA tools show it. */
                            thumbprint: string;
                            /** @description ISO 8601. */
                            validFrom: string;
                            /** @description ISO 8601. */
                            validTo: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quarantine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Samples refused by sinks' data contracts: counts per reason and the last few samples of each, per sink. */
        get: {
            parameters: {
                query?: {
                    /** @description Only this sink. */
                    sink?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sinks: {
                                contract: {
                                    template: string;
                                    version: number;
                                };
                                reasons: {
                                    count: number;
                                    /** @description The last few samples, newest first. */
                                    last: {
                                        /** @description When the hub quarantined it, epoch ms. */
                                        at: number;
                                        path: string;
                                        /** @description What breaks the contract. */
                                        problem: string;
                                        quality: "good" | "uncertain" | "bad";
                                        /** @description Source timestamp, epoch ms. */
                                        ts: number;
                                        value: number | boolean | string;
                                    }[];
                                    reason: "type_mismatch" | "out_of_range" | "unit_mismatch" | "missing_required";
                                }[];
                                sink: string;
                                total: number;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This browser's session: signed in (with the answer of /me) or not. Never 401; a bearer token is not looked at (use /me). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me?: {
                                /** @description Send it as X-CSRF-Token with every POST, PATCH and DELETE made with the session cookie. */
                                csrfToken?: string;
                                /** @description Permissions held somewhere (zones and subtrees in the grants). */
                                permissions: ("read" | "write" | "configure" | "approve" | "audit" | "admin")[];
                                session?: {
                                    createdAt: number;
                                    expiresAt: number;
                                    id: string;
                                };
                                token?: {
                                    id: string;
                                    name: string;
                                    scopes: ("read" | "write" | "configure" | "approve" | "audit" | "admin")[];
                                };
                                user: {
                                    createdAt: number;
                                    disabled: boolean;
                                    grants: {
                                        /** @description Only at or below these namespace paths. */
                                        paths?: string[];
                                        /** @enum {string} */
                                        role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                                        /** @description Only in these zones. */
                                        zones?: string[];
                                    }[];
                                    id: string;
                                    /** @description The last successful sign-in, epoch ms; absent when the user never signed in. */
                                    lastLoginAt?: number;
                                    /** @description Set while an admin has locked the account: nobody signs in as it until an admin unlocks it. */
                                    locked?: {
                                        at: number;
                                        by: string;
                                        reason?: string;
                                    };
                                    updatedAt: number;
                                    username: string;
                                };
                                via: "session" | "token";
                            };
                            signedIn: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your live sessions (admins: ?all=true for everyone's). */
        get: {
            parameters: {
                query?: {
                    /** @description Admins: everyone's, not only yours. */
                    all?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessions: {
                                address?: string;
                                createdAt: number;
                                current: boolean;
                                expiresAt: number;
                                id: string;
                                lastSeenAt: number;
                                userAgent?: string;
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a session (yours, or anyone's as admin). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the first-run setup open (no admin yet)? */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            open: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** First run: create the first admin with the one-time setup token the hub printed at start. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        token: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                createdAt: number;
                                disabled: boolean;
                                grants: {
                                    /** @description Only at or below these namespace paths. */
                                    paths?: string[];
                                    /** @enum {string} */
                                    role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                                    /** @description Only in these zones. */
                                    zones?: string[];
                                }[];
                                id: string;
                                /** @description The last successful sign-in, epoch ms; absent when the user never signed in. */
                                lastLoginAt?: number;
                                /** @description Set while an admin has locked the account: nobody signs in as it until an admin unlocks it. */
                                locked?: {
                                    at: number;
                                    by: string;
                                    reason?: string;
                                };
                                updatedAt: number;
                                username: string;
                            };
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of every sink in the zones you may read: state, since, last success, last error with hint, next retry, backlog. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sinks: {
                                attempts: number;
                                /** @description Samples waiting in the sink's store-and-forward buffer (0 when it has none). */
                                backlog: number;
                                batches: number;
                                /** @description Sinks: samples waiting in the store-and-forward buffer. */
                                buffered?: number;
                                id: string;
                                kind: string;
                                lastError?: {
                                    at: number;
                                    code: string;
                                    detail?: string;
                                    hint: string;
                                    message: string;
                                };
                                lastSuccessAt?: number;
                                nextRetryAt?: number;
                                overruns: number;
                                role: "source" | "sink";
                                /** @description When the current state began, epoch ms. */
                                since: number;
                                state: "stopped" | "connecting" | "connected" | "backoff";
                                zone: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of one sink, with its backlog. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** @description Samples waiting in the sink's store-and-forward buffer (0 when it has none). */
                            backlog: number;
                            batches: number;
                            /** @description Sinks: samples waiting in the store-and-forward buffer. */
                            buffered?: number;
                            id: string;
                            kind: string;
                            lastError?: {
                                at: number;
                                code: string;
                                detail?: string;
                                hint: string;
                                message: string;
                            };
                            lastSuccessAt?: number;
                            nextRetryAt?: number;
                            overruns: number;
                            role: "source" | "sink";
                            /** @description When the current state began, epoch ms. */
                            since: number;
                            state: "stopped" | "connecting" | "connected" | "backoff";
                            zone: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sinks/{id}/reconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reconnect a sink now: a sink waiting out its backoff retries at once, a connected one reopens its link. Needs write in its zone; audited. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            batches: number;
                            /** @description Sinks: samples waiting in the store-and-forward buffer. */
                            buffered?: number;
                            id: string;
                            kind: string;
                            lastError?: {
                                at: number;
                                code: string;
                                detail?: string;
                                hint: string;
                                message: string;
                            };
                            lastSuccessAt?: number;
                            nextRetryAt?: number;
                            overruns: number;
                            role: "source" | "sink";
                            /** @description When the current state began, epoch ms. */
                            since: number;
                            state: "stopped" | "connecting" | "connected" | "backoff";
                            zone: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of every source in the zones you may read: state, since, last success, last error, next retry; what its device can be asked (capabilities), how fast its values arrive, and what is wrong with them while the link is up (problems). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sources: {
                                /** @description How fast values arrive, measured from the batches the source delivered. */
                                arrivals: {
                                    /** @description When the latest batch arrived, epoch ms. */
                                    lastAt?: number;
                                    /** @description The median gap between the latest batches, ms ("every ~5 s"). */
                                    typicalIntervalMs?: number;
                                    /** @description Values that arrived within the window. */
                                    valuesInWindow: number;
                                    valuesPerMinute: number;
                                    valuesPerSecond: number;
                                    /** @description The span the rates cover: a sliding minute, shorter right after start. */
                                    windowSeconds: number;
                                };
                                attempts: number;
                                batches: number;
                                /** @description Sinks: samples waiting in the store-and-forward buffer. */
                                buffered?: number;
                                /** @description What can be asked of the device besides its data. */
                                capabilities: {
                                    /** @description The device's address space can be browsed (GET /sources/:id/browse). */
                                    browse: boolean;
                                    /** @description The device can say who it is (GET /sources/:id/device): vendor, product, firmware. */
                                    identify: boolean;
                                    /** @description The connector can write to the device (the write gate decides whether anyone may). */
                                    write: boolean;
                                };
                                id: string;
                                kind: string;
                                lastError?: {
                                    at: number;
                                    code: string;
                                    detail?: string;
                                    hint: string;
                                    message: string;
                                };
                                lastSuccessAt?: number;
                                nextRetryAt?: number;
                                overruns: number;
                                /** @description What is wrong with what arrives while the link is up: quarantined messages, dropped values. Empty when nothing is. */
                                problems: {
                                    /** @description Catalogue code, CW_... */
                                    code: string;
                                    /** @description Messages or values it concerns so far. */
                                    count: number;
                                    /** @description What to do next. */
                                    hint: string;
                                    /** @description Latest occurrence, epoch ms. */
                                    lastAt: number;
                                    message: string;
                                    /** @description First occurrence, epoch ms. */
                                    since: number;
                                    /** @description What it concerns: topics, edge nodes (the first few). */
                                    subjects: string[];
                                    /** @description A short phrase for the state badge: "636 messages quarantined". */
                                    summary: string;
                                }[];
                                role: "source" | "sink";
                                /** @description When the current state began, epoch ms. */
                                since: number;
                                state: "stopped" | "connecting" | "connected" | "backoff";
                                zone: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of one source, with what the connector shows of its inner state (quarantined payloads, sessions, counters). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How fast values arrive, measured from the batches the source delivered. */
                            arrivals: {
                                /** @description When the latest batch arrived, epoch ms. */
                                lastAt?: number;
                                /** @description The median gap between the latest batches, ms ("every ~5 s"). */
                                typicalIntervalMs?: number;
                                /** @description Values that arrived within the window. */
                                valuesInWindow: number;
                                valuesPerMinute: number;
                                valuesPerSecond: number;
                                /** @description The span the rates cover: a sliding minute, shorter right after start. */
                                windowSeconds: number;
                            };
                            attempts: number;
                            batches: number;
                            /** @description Sinks: samples waiting in the store-and-forward buffer. */
                            buffered?: number;
                            /** @description What can be asked of the device besides its data. */
                            capabilities: {
                                /** @description The device's address space can be browsed (GET /sources/:id/browse). */
                                browse: boolean;
                                /** @description The device can say who it is (GET /sources/:id/device): vendor, product, firmware. */
                                identify: boolean;
                                /** @description The connector can write to the device (the write gate decides whether anyone may). */
                                write: boolean;
                            };
                            details?: {
                                [key: string]: unknown;
                            };
                            id: string;
                            kind: string;
                            lastError?: {
                                at: number;
                                code: string;
                                detail?: string;
                                hint: string;
                                message: string;
                            };
                            lastSuccessAt?: number;
                            nextRetryAt?: number;
                            overruns: number;
                            /** @description What is wrong with what arrives while the link is up: quarantined messages, dropped values. Empty when nothing is. */
                            problems: {
                                /** @description Catalogue code, CW_... */
                                code: string;
                                /** @description Messages or values it concerns so far. */
                                count: number;
                                /** @description What to do next. */
                                hint: string;
                                /** @description Latest occurrence, epoch ms. */
                                lastAt: number;
                                message: string;
                                /** @description First occurrence, epoch ms. */
                                since: number;
                                /** @description What it concerns: topics, edge nodes (the first few). */
                                subjects: string[];
                                /** @description A short phrase for the state badge: "636 messages quarantined". */
                                summary: string;
                            }[];
                            role: "source" | "sink";
                            /** @description When the current state began, epoch ms. */
                            since: number;
                            state: "stopped" | "connecting" | "connected" | "backoff";
                            zone: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}/browse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browse the device's address space one level and one page at a time (OPC UA); variables come with their data type, current value and access level. */
        get: {
            parameters: {
                query?: {
                    address?: string;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cursor?: string;
                            nodes: {
                                /** @description Variables: what this session may do with the value. */
                                access?: "read" | "write" | "read/write" | "none";
                                address: string;
                                /** @description Variables: the data type's name. */
                                dataType?: string;
                                hasChildren: boolean;
                                name: string;
                                /** @description The node class: Object, Variable, View. */
                                type?: string;
                                value?: number | boolean | string;
                                /** @description Variables: the status of the read when it is not good. */
                                valueStatus?: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}/device": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ask the source's device who it is: manufacturer, product, firmware (for the asset inventory). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}/reconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reconnect a source now: a source waiting out its backoff retries at once, a connected one reopens its link. Needs write in its zone; audited. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            batches: number;
                            /** @description Sinks: samples waiting in the store-and-forward buffer. */
                            buffered?: number;
                            id: string;
                            kind: string;
                            lastError?: {
                                at: number;
                                code: string;
                                detail?: string;
                                hint: string;
                                message: string;
                            };
                            lastSuccessAt?: number;
                            nextRetryAt?: number;
                            overruns: number;
                            role: "source" | "sink";
                            /** @description When the current state began, epoch ms. */
                            since: number;
                            state: "stopped" | "connecting" | "connected" | "backoff";
                            zone: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API tokens, never their secrets (admins: ?all=true). */
        get: {
            parameters: {
                query?: {
                    /** @description Admins: everyone's, not only yours. */
                    all?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                createdAt: number;
                                expiresAt?: number;
                                id: string;
                                lastUsedAt?: number;
                                name: string;
                                scopes: ("read" | "write" | "configure" | "approve" | "audit" | "admin")[];
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token for a machine; the secret is in this answer only. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 90 */
                        expiresInDays?: number;
                        name: string;
                        /** @description Default: every permission you hold. */
                        scopes?: ("read" | "write" | "configure" | "approve" | "audit" | "admin")[];
                        /** @description Admins: make it for another user. */
                        userId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send as "Authorization: Bearer <secret>". Shown once. */
                            secret: string;
                            token: {
                                createdAt: number;
                                expiresAt?: number;
                                id: string;
                                lastUsedAt?: number;
                                name: string;
                                scopes: ("read" | "write" | "configure" | "approve" | "audit" | "admin")[];
                                username: string;
                            };
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * History reduced for a chart: per pixel column the first, last, smallest and largest sample (M4), so the line drawn is the line of every sample.
         * @description At most 4 × pixels points per path, in time order; bad samples are left out. Numbers and booleans keep every extreme; strings keep the first and last state of each column. For long ranges the hub may round columns to whole minutes or hours to answer from its rollups (`grain`).
         */
        get: {
            parameters: {
                query: {
                    /** @description ISO 8601, epoch ms, now, or relative (-15m, -2h, -7d). Default: an hour before `to`. */
                    from?: string;
                    /** @description Paths; repeat the parameter or separate with commas. */
                    path: string[];
                    /** @description Width of the chart in pixels: [from, to) is split into this many equal columns. */
                    pixels?: number;
                    /** @description Exclusive end; default now. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: number;
                            /** @description Column edges are rounded to multiples of this many ms (1: not rounded). */
                            grain: number;
                            pixels: number;
                            series: {
                                path: string;
                                points: {
                                    quality: "good" | "uncertain" | "bad";
                                    ts: number;
                                    value: number | boolean | string;
                                }[];
                                unit?: string;
                            }[];
                            to: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user with their grants. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                createdAt: number;
                                disabled: boolean;
                                grants: {
                                    /** @description Only at or below these namespace paths. */
                                    paths?: string[];
                                    /** @enum {string} */
                                    role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                                    /** @description Only in these zones. */
                                    zones?: string[];
                                }[];
                                id: string;
                                /** @description The last successful sign-in, epoch ms; absent when the user never signed in. */
                                lastLoginAt?: number;
                                /** @description Set while an admin has locked the account: nobody signs in as it until an admin unlocks it. */
                                locked?: {
                                    at: number;
                                    by: string;
                                    reason?: string;
                                };
                                updatedAt: number;
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user with grants (roles per zone or subtree). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        grants: {
                            /** @description Only at or below these namespace paths. */
                            paths?: string[];
                            /** @enum {string} */
                            role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                            /** @description Only in these zones. */
                            zones?: string[];
                        }[];
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: number;
                            disabled: boolean;
                            grants: {
                                /** @description Only at or below these namespace paths. */
                                paths?: string[];
                                /** @enum {string} */
                                role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                                /** @description Only in these zones. */
                                zones?: string[];
                            }[];
                            id: string;
                            /** @description The last successful sign-in, epoch ms; absent when the user never signed in. */
                            lastLoginAt?: number;
                            /** @description Set while an admin has locked the account: nobody signs in as it until an admin unlocks it. */
                            locked?: {
                                at: number;
                                by: string;
                                reason?: string;
                            };
                            updatedAt: number;
                            username: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: number;
                            disabled: boolean;
                            grants: {
                                /** @description Only at or below these namespace paths. */
                                paths?: string[];
                                /** @enum {string} */
                                role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                                /** @description Only in these zones. */
                                zones?: string[];
                            }[];
                            id: string;
                            /** @description The last successful sign-in, epoch ms; absent when the user never signed in. */
                            lastLoginAt?: number;
                            /** @description Set while an admin has locked the account: nobody signs in as it until an admin unlocks it. */
                            locked?: {
                                at: number;
                                by: string;
                                reason?: string;
                            };
                            updatedAt: number;
                            username: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a user with its sessions and tokens. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change grants, disable or enable, or set a new password (sessions end when disabled or on a new password). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled?: boolean;
                        grants?: {
                            /** @description Only at or below these namespace paths. */
                            paths?: string[];
                            /** @enum {string} */
                            role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                            /** @description Only in these zones. */
                            zones?: string[];
                        }[];
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: number;
                            disabled: boolean;
                            grants: {
                                /** @description Only at or below these namespace paths. */
                                paths?: string[];
                                /** @enum {string} */
                                role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                                /** @description Only in these zones. */
                                zones?: string[];
                            }[];
                            id: string;
                            /** @description The last successful sign-in, epoch ms; absent when the user never signed in. */
                            lastLoginAt?: number;
                            /** @description Set while an admin has locked the account: nobody signs in as it until an admin unlocks it. */
                            locked?: {
                                at: number;
                                by: string;
                                reason?: string;
                            };
                            updatedAt: number;
                            username: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lock an account: nobody signs in as it, from any address, until an admin unlocks it; its sessions end (its API tokens keep working). Audited. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description Optional: a bare POST locks too. */
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: number;
                            disabled: boolean;
                            grants: {
                                /** @description Only at or below these namespace paths. */
                                paths?: string[];
                                /** @enum {string} */
                                role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                                /** @description Only in these zones. */
                                zones?: string[];
                            }[];
                            id: string;
                            /** @description The last successful sign-in, epoch ms; absent when the user never signed in. */
                            lastLoginAt?: number;
                            /** @description Set while an admin has locked the account: nobody signs in as it until an admin unlocks it. */
                            locked?: {
                                at: number;
                                by: string;
                                reason?: string;
                            };
                            updatedAt: number;
                            username: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock an account an admin locked. Audited. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: number;
                            disabled: boolean;
                            grants: {
                                /** @description Only at or below these namespace paths. */
                                paths?: string[];
                                /** @enum {string} */
                                role: "viewer" | "operator" | "ot-engineer" | "it-engineer" | "auditor" | "admin";
                                /** @description Only in these zones. */
                                zones?: string[];
                            }[];
                            id: string;
                            /** @description The last successful sign-in, epoch ms; absent when the user never signed in. */
                            lastLoginAt?: number;
                            /** @description Set while an admin has locked the account: nobody signs in as it until an admin unlocks it. */
                            locked?: {
                                at: number;
                                by: string;
                                reason?: string;
                            };
                            updatedAt: number;
                            username: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current value, quality and source time of every path at or below `path`. */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    /** @description A namespace path or path prefix, e.g. acme/springfield/packaging/line1. */
                    path: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            truncated: boolean;
                            values: {
                                path: string;
                                quality: "good" | "uncertain" | "bad";
                                /** @description Present only when the hub marked the value: link_lost (bad: the source lost its link to the device) or stale (uncertain: no update within its stale period). */
                                reason?: "link_lost" | "stale";
                                /** @description Source timestamp, ISO 8601. */
                                time: string;
                                /** @description Source timestamp, epoch ms. */
                                ts: number;
                                unit?: string;
                                value: number | boolean | string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vulnerabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vulnerability findings of the assets the caller may assess, highest risk first, each with why it matched and why it ranks there. */
        get: {
            parameters: {
                query?: {
                    asset?: string;
                    limit?: number;
                    offset?: number;
                    /** @description P1 (act now) to P4, from the CVSS base score and the exposure. */
                    priority?: "P1" | "P2" | "P3" | "P4";
                    /** @description States, comma-separated: open, mitigated, accepted, fixed (default open). */
                    state?: string;
                    zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                acceptedUntil?: number;
                                advisoryId: string;
                                assetId: string;
                                cve?: string;
                                cvss?: {
                                    baseScore: number;
                                    baseSeverity?: string;
                                    vectorString: string;
                                    version: string;
                                };
                                /** @description The asset's exposure through zones and conduits, in words. */
                                exposure: string[];
                                firstSeen: number;
                                id: string;
                                lastSeen: number;
                                owner?: string;
                                /** @description P1 (act now) to P4, from the CVSS base score and the exposure. */
                                priority: "P1" | "P2" | "P3" | "P4";
                                productId: string;
                                /** @description Why it matched: the vendor and product rule, the branch, the range and how it was read, the asset fields used. */
                                reasons: string[];
                                remediations: {
                                    category: string;
                                    date?: string;
                                    details: string;
                                    productIds: string[];
                                    url?: string;
                                }[];
                                /** @description Why this priority: the CVSS score and each exposure step. */
                                riskReasons: string[];
                                /** @description Risk in context, 0–10. */
                                score: number;
                                state: "open" | "mitigated" | "accepted" | "fixed";
                                updatedAt: number;
                                verdict: "affected" | "possibly-affected";
                                zone?: string;
                            }[];
                            lastMatch?: {
                                advisories: number;
                                assets: number;
                                at: number;
                                changes: number;
                                findings: number;
                                ms: number;
                            };
                            /** @description Open findings by priority, of the assets the caller may assess (whatever the filters). */
                            open: {
                                P1: number;
                                P2: number;
                                P3: number;
                                P4: number;
                            };
                            total: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vulnerabilities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One finding with its workflow history. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acceptedUntil?: number;
                            advisoryId: string;
                            assetId: string;
                            cve?: string;
                            cvss?: {
                                baseScore: number;
                                baseSeverity?: string;
                                vectorString: string;
                                version: string;
                            };
                            /** @description The asset's exposure through zones and conduits, in words. */
                            exposure: string[];
                            firstSeen: number;
                            history: {
                                action: string;
                                at: number;
                                comment?: string;
                                from: ("open" | "mitigated" | "accepted" | "fixed") | null;
                                to: "open" | "mitigated" | "accepted" | "fixed";
                                user?: string;
                            }[];
                            id: string;
                            lastSeen: number;
                            owner?: string;
                            /** @description P1 (act now) to P4, from the CVSS base score and the exposure. */
                            priority: "P1" | "P2" | "P3" | "P4";
                            productId: string;
                            /** @description Why it matched: the vendor and product rule, the branch, the range and how it was read, the asset fields used. */
                            reasons: string[];
                            remediations: {
                                category: string;
                                date?: string;
                                details: string;
                                productIds: string[];
                                url?: string;
                            }[];
                            /** @description Why this priority: the CVSS score and each exposure step. */
                            riskReasons: string[];
                            /** @description Risk in context, 0–10. */
                            score: number;
                            state: "open" | "mitigated" | "accepted" | "fixed";
                            updatedAt: number;
                            verdict: "affected" | "possibly-affected";
                            zone?: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vulnerabilities/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the risk of a finding with a justification, until an expiry (at most a year); it reopens by itself at the expiry. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                        /** @description How long, e.g. 90d. */
                        for: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acceptedUntil?: number;
                            advisoryId: string;
                            assetId: string;
                            cve?: string;
                            cvss?: {
                                baseScore: number;
                                baseSeverity?: string;
                                vectorString: string;
                                version: string;
                            };
                            /** @description The asset's exposure through zones and conduits, in words. */
                            exposure: string[];
                            firstSeen: number;
                            history: {
                                action: string;
                                at: number;
                                comment?: string;
                                from: ("open" | "mitigated" | "accepted" | "fixed") | null;
                                to: "open" | "mitigated" | "accepted" | "fixed";
                                user?: string;
                            }[];
                            id: string;
                            lastSeen: number;
                            owner?: string;
                            /** @description P1 (act now) to P4, from the CVSS base score and the exposure. */
                            priority: "P1" | "P2" | "P3" | "P4";
                            productId: string;
                            /** @description Why it matched: the vendor and product rule, the branch, the range and how it was read, the asset fields used. */
                            reasons: string[];
                            remediations: {
                                category: string;
                                date?: string;
                                details: string;
                                productIds: string[];
                                url?: string;
                            }[];
                            /** @description Why this priority: the CVSS score and each exposure step. */
                            riskReasons: string[];
                            /** @description Risk in context, 0–10. */
                            score: number;
                            state: "open" | "mitigated" | "accepted" | "fixed";
                            updatedAt: number;
                            verdict: "affected" | "possibly-affected";
                            zone?: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vulnerabilities/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a finding an owner (a team or a person). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        owner: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acceptedUntil?: number;
                            advisoryId: string;
                            assetId: string;
                            cve?: string;
                            cvss?: {
                                baseScore: number;
                                baseSeverity?: string;
                                vectorString: string;
                                version: string;
                            };
                            /** @description The asset's exposure through zones and conduits, in words. */
                            exposure: string[];
                            firstSeen: number;
                            history: {
                                action: string;
                                at: number;
                                comment?: string;
                                from: ("open" | "mitigated" | "accepted" | "fixed") | null;
                                to: "open" | "mitigated" | "accepted" | "fixed";
                                user?: string;
                            }[];
                            id: string;
                            lastSeen: number;
                            owner?: string;
                            /** @description P1 (act now) to P4, from the CVSS base score and the exposure. */
                            priority: "P1" | "P2" | "P3" | "P4";
                            productId: string;
                            /** @description Why it matched: the vendor and product rule, the branch, the range and how it was read, the asset fields used. */
                            reasons: string[];
                            remediations: {
                                category: string;
                                date?: string;
                                details: string;
                                productIds: string[];
                                url?: string;
                            }[];
                            /** @description Why this priority: the CVSS score and each exposure step. */
                            riskReasons: string[];
                            /** @description Risk in context, 0–10. */
                            score: number;
                            state: "open" | "mitigated" | "accepted" | "fixed";
                            updatedAt: number;
                            verdict: "affected" | "possibly-affected";
                            zone?: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vulnerabilities/{id}/comment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a comment to a finding. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acceptedUntil?: number;
                            advisoryId: string;
                            assetId: string;
                            cve?: string;
                            cvss?: {
                                baseScore: number;
                                baseSeverity?: string;
                                vectorString: string;
                                version: string;
                            };
                            /** @description The asset's exposure through zones and conduits, in words. */
                            exposure: string[];
                            firstSeen: number;
                            history: {
                                action: string;
                                at: number;
                                comment?: string;
                                from: ("open" | "mitigated" | "accepted" | "fixed") | null;
                                to: "open" | "mitigated" | "accepted" | "fixed";
                                user?: string;
                            }[];
                            id: string;
                            lastSeen: number;
                            owner?: string;
                            /** @description P1 (act now) to P4, from the CVSS base score and the exposure. */
                            priority: "P1" | "P2" | "P3" | "P4";
                            productId: string;
                            /** @description Why it matched: the vendor and product rule, the branch, the range and how it was read, the asset fields used. */
                            reasons: string[];
                            remediations: {
                                category: string;
                                date?: string;
                                details: string;
                                productIds: string[];
                                url?: string;
                            }[];
                            /** @description Why this priority: the CVSS score and each exposure step. */
                            riskReasons: string[];
                            /** @description Risk in context, 0–10. */
                            score: number;
                            state: "open" | "mitigated" | "accepted" | "fixed";
                            updatedAt: number;
                            verdict: "affected" | "possibly-affected";
                            zone?: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vulnerabilities/{id}/mitigate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a mitigation of an open finding (what was done, e.g. a firewall rule). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acceptedUntil?: number;
                            advisoryId: string;
                            assetId: string;
                            cve?: string;
                            cvss?: {
                                baseScore: number;
                                baseSeverity?: string;
                                vectorString: string;
                                version: string;
                            };
                            /** @description The asset's exposure through zones and conduits, in words. */
                            exposure: string[];
                            firstSeen: number;
                            history: {
                                action: string;
                                at: number;
                                comment?: string;
                                from: ("open" | "mitigated" | "accepted" | "fixed") | null;
                                to: "open" | "mitigated" | "accepted" | "fixed";
                                user?: string;
                            }[];
                            id: string;
                            lastSeen: number;
                            owner?: string;
                            /** @description P1 (act now) to P4, from the CVSS base score and the exposure. */
                            priority: "P1" | "P2" | "P3" | "P4";
                            productId: string;
                            /** @description Why it matched: the vendor and product rule, the branch, the range and how it was read, the asset fields used. */
                            reasons: string[];
                            remediations: {
                                category: string;
                                date?: string;
                                details: string;
                                productIds: string[];
                                url?: string;
                            }[];
                            /** @description Why this priority: the CVSS score and each exposure step. */
                            riskReasons: string[];
                            /** @description Risk in context, 0–10. */
                            score: number;
                            state: "open" | "mitigated" | "accepted" | "fixed";
                            updatedAt: number;
                            verdict: "affected" | "possibly-affected";
                            zone?: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vulnerabilities/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a mitigated, accepted or fixed finding. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acceptedUntil?: number;
                            advisoryId: string;
                            assetId: string;
                            cve?: string;
                            cvss?: {
                                baseScore: number;
                                baseSeverity?: string;
                                vectorString: string;
                                version: string;
                            };
                            /** @description The asset's exposure through zones and conduits, in words. */
                            exposure: string[];
                            firstSeen: number;
                            history: {
                                action: string;
                                at: number;
                                comment?: string;
                                from: ("open" | "mitigated" | "accepted" | "fixed") | null;
                                to: "open" | "mitigated" | "accepted" | "fixed";
                                user?: string;
                            }[];
                            id: string;
                            lastSeen: number;
                            owner?: string;
                            /** @description P1 (act now) to P4, from the CVSS base score and the exposure. */
                            priority: "P1" | "P2" | "P3" | "P4";
                            productId: string;
                            /** @description Why it matched: the vendor and product rule, the branch, the range and how it was read, the asset fields used. */
                            reasons: string[];
                            remediations: {
                                category: string;
                                date?: string;
                                details: string;
                                productIds: string[];
                                url?: string;
                            }[];
                            /** @description Why this priority: the CVSS score and each exposure step. */
                            riskReasons: string[];
                            /** @description Risk in context, 0–10. */
                            score: number;
                            state: "open" | "mitigated" | "accepted" | "fixed";
                            updatedAt: number;
                            verdict: "affected" | "possibly-affected";
                            zone?: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vulnerabilities/rematch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Match every asset against every imported advisory now (it also runs after an import and when an asset's identity changes). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advisories: number;
                            assets: number;
                            at: number;
                            changes: number;
                            findings: number;
                            ms: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vulnerability-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The vulnerability assessment and security audit report of the site: HTML, PDF or CSV (auditors). */
        get: {
            parameters: {
                query?: {
                    format?: "html" | "pdf" | "csv";
                    /** @description Keep this report's posture in the trend and count changes from it next time (default false). */
                    record?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work orders, newest first; filter by line and status. */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    line?: string;
                    status?: "released" | "running" | "completed" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orders: {
                                cancelledAt?: number;
                                completedAt?: number;
                                description?: string;
                                dispatch?: {
                                    at: number;
                                    problem?: string;
                                    requestedBy?: string;
                                    /** @description awaiting-approval: its start waits for writes a second person must approve (GET /api/v1/writes?state=pending); refused: the last such start did not go through. */
                                    state: "awaiting-approval" | "refused";
                                    /** @description The write requests it waits for. */
                                    writes?: string[];
                                };
                                /** @description Due date, epoch ms. */
                                due?: number;
                                /** @description Good units made so far. */
                                good: number;
                                id: string;
                                line: string;
                                product: string;
                                quantity: number;
                                receivedAt: number;
                                /** @description Scrap units so far. */
                                scrap: number;
                                /** @description rest, staging or folder. */
                                source: string;
                                startedAt?: number;
                                status: "released" | "running" | "completed" | "cancelled";
                                unit: string;
                                updatedAt: number;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Receive work orders from the ERP: one object, an array, or { orders: [...] }. Every record is checked on its own; bad ones are rejected with every reason, good ones kept.
         * @description Answers 200 when every record was kept, 207 when some were rejected, 422 when none was kept; the body lists both either way. Sending an order again is safe: unchanged, or updated while still released.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: {
                                /** @description created, updated, cancelled or unchanged. */
                                change: string;
                                id: string;
                            }[];
                            rejected: {
                                id?: string;
                                problems: string[];
                                ref: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: {
                                /** @description created, updated, cancelled or unchanged. */
                                change: string;
                                id: string;
                            }[];
                            rejected: {
                                id?: string;
                                problems: string[];
                                ref: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: {
                                /** @description created, updated, cancelled or unchanged. */
                                change: string;
                                id: string;
                            }[];
                            rejected: {
                                id?: string;
                                problems: string[];
                                ref: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One work order. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelledAt?: number;
                            completedAt?: number;
                            description?: string;
                            dispatch?: {
                                at: number;
                                problem?: string;
                                requestedBy?: string;
                                /** @description awaiting-approval: its start waits for writes a second person must approve (GET /api/v1/writes?state=pending); refused: the last such start did not go through. */
                                state: "awaiting-approval" | "refused";
                                /** @description The write requests it waits for. */
                                writes?: string[];
                            };
                            /** @description Due date, epoch ms. */
                            due?: number;
                            /** @description Good units made so far. */
                            good: number;
                            id: string;
                            line: string;
                            product: string;
                            quantity: number;
                            receivedAt: number;
                            /** @description Scrap units so far. */
                            scrap: number;
                            /** @description rest, staging or folder. */
                            source: string;
                            startedAt?: number;
                            status: "released" | "running" | "completed" | "cancelled";
                            unit: string;
                            updatedAt: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a released or running order (a running one is confirmed with what it made). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelledAt?: number;
                            completedAt?: number;
                            description?: string;
                            dispatch?: {
                                at: number;
                                problem?: string;
                                requestedBy?: string;
                                /** @description awaiting-approval: its start waits for writes a second person must approve (GET /api/v1/writes?state=pending); refused: the last such start did not go through. */
                                state: "awaiting-approval" | "refused";
                                /** @description The write requests it waits for. */
                                writes?: string[];
                            };
                            /** @description Due date, epoch ms. */
                            due?: number;
                            /** @description Good units made so far. */
                            good: number;
                            id: string;
                            line: string;
                            product: string;
                            quantity: number;
                            receivedAt: number;
                            /** @description Scrap units so far. */
                            scrap: number;
                            /** @description rest, staging or folder. */
                            source: string;
                            startedAt?: number;
                            status: "released" | "running" | "completed" | "cancelled";
                            unit: string;
                            updatedAt: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a running order: actual good and scrap are taken from the counters and a confirmation goes to the ERP. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelledAt?: number;
                            completedAt?: number;
                            description?: string;
                            dispatch?: {
                                at: number;
                                problem?: string;
                                requestedBy?: string;
                                /** @description awaiting-approval: its start waits for writes a second person must approve (GET /api/v1/writes?state=pending); refused: the last such start did not go through. */
                                state: "awaiting-approval" | "refused";
                                /** @description The write requests it waits for. */
                                writes?: string[];
                            };
                            /** @description Due date, epoch ms. */
                            due?: number;
                            /** @description Good units made so far. */
                            good: number;
                            id: string;
                            line: string;
                            product: string;
                            quantity: number;
                            receivedAt: number;
                            /** @description Scrap units so far. */
                            scrap: number;
                            /** @description rest, staging or folder. */
                            source: string;
                            startedAt?: number;
                            status: "released" | "running" | "completed" | "cancelled";
                            unit: string;
                            updatedAt: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an order on its line: order number, product, target quantity and the product's speed are written to the line's PLC through the write gate (a conduit must allow orders), then the order runs.
         * @description Where a conduit into the PLC's zone requires approval, the writes wait for a second person: the answer is 202 with the order still released and dispatch.state awaiting-approval; it starts by itself once every write is approved and done.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelledAt?: number;
                            completedAt?: number;
                            description?: string;
                            dispatch?: {
                                at: number;
                                problem?: string;
                                requestedBy?: string;
                                /** @description awaiting-approval: its start waits for writes a second person must approve (GET /api/v1/writes?state=pending); refused: the last such start did not go through. */
                                state: "awaiting-approval" | "refused";
                                /** @description The write requests it waits for. */
                                writes?: string[];
                            };
                            /** @description Due date, epoch ms. */
                            due?: number;
                            /** @description Good units made so far. */
                            good: number;
                            id: string;
                            line: string;
                            product: string;
                            quantity: number;
                            receivedAt: number;
                            /** @description Scrap units so far. */
                            scrap: number;
                            /** @description rest, staging or folder. */
                            source: string;
                            startedAt?: number;
                            status: "released" | "running" | "completed" | "cancelled";
                            unit: string;
                            updatedAt: number;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelledAt?: number;
                            completedAt?: number;
                            description?: string;
                            dispatch?: {
                                at: number;
                                problem?: string;
                                requestedBy?: string;
                                /** @description awaiting-approval: its start waits for writes a second person must approve (GET /api/v1/writes?state=pending); refused: the last such start did not go through. */
                                state: "awaiting-approval" | "refused";
                                /** @description The write requests it waits for. */
                                writes?: string[];
                            };
                            /** @description Due date, epoch ms. */
                            due?: number;
                            /** @description Good units made so far. */
                            good: number;
                            id: string;
                            line: string;
                            product: string;
                            quantity: number;
                            receivedAt: number;
                            /** @description Scrap units so far. */
                            scrap: number;
                            /** @description rest, staging or folder. */
                            source: string;
                            startedAt?: number;
                            status: "released" | "running" | "completed" | "cancelled";
                            unit: string;
                            updatedAt: number;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/rejections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Records the ERP sent that were rejected, newest first, each with every reason. */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rejections: {
                                at: number;
                                id?: string;
                                problems: string[];
                                ref: string;
                                source: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/writes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Write requests and their outcomes, newest first; state=pending for those waiting for approval. */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    state?: "pending" | "approved" | "denied" | "expired" | "cancelled" | "done" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            writes: {
                                approver?: {
                                    id: string;
                                    name: string;
                                };
                                decidedAt?: number;
                                /** @description A pending request must be approved before this time. */
                                expiresAt: number;
                                id: string;
                                /** @description oldValue, newValue, verified; or the refusing step and code. */
                                outcome?: {
                                    [key: string]: unknown;
                                };
                                path: string;
                                reason?: string;
                                requestedAt: number;
                                requester: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                state: "pending" | "approved" | "denied" | "expired" | "cancelled" | "done" | "failed";
                                value: number | boolean | string;
                                zone: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Write a value to a machine through the write gate: permission, conduit, limits, approval, rate limit, read-back, audit.
         * @description 200 with state done when the value was written and read back; 202 with state pending when the conduit requires a second person to approve. A refusal names its step: permission, target, conduit, limits, approval, rate, audit, source or verify.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        path: string;
                        reason?: string;
                        /** @description The new value, of the attribute's type exactly: a finite JSON number (number, state), true/false (boolean) or a string. Anything else is refused with CW_WRITE_BAD_VALUE. */
                        value: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approver?: {
                                id: string;
                                name: string;
                            };
                            decidedAt?: number;
                            /** @description A pending request must be approved before this time. */
                            expiresAt: number;
                            id: string;
                            /** @description oldValue, newValue, verified; or the refusing step and code. */
                            outcome?: {
                                [key: string]: unknown;
                            };
                            path: string;
                            reason?: string;
                            requestedAt: number;
                            requester: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            state: "pending" | "approved" | "denied" | "expired" | "cancelled" | "done" | "failed";
                            value: number | boolean | string;
                            zone: string;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approver?: {
                                id: string;
                                name: string;
                            };
                            decidedAt?: number;
                            /** @description A pending request must be approved before this time. */
                            expiresAt: number;
                            id: string;
                            /** @description oldValue, newValue, verified; or the refusing step and code. */
                            outcome?: {
                                [key: string]: unknown;
                            };
                            path: string;
                            reason?: string;
                            requestedAt: number;
                            requester: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            state: "pending" | "approved" | "denied" | "expired" | "cancelled" | "done" | "failed";
                            value: number | boolean | string;
                            zone: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/writes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One write request. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approver?: {
                                id: string;
                                name: string;
                            };
                            decidedAt?: number;
                            /** @description A pending request must be approved before this time. */
                            expiresAt: number;
                            id: string;
                            /** @description oldValue, newValue, verified; or the refusing step and code. */
                            outcome?: {
                                [key: string]: unknown;
                            };
                            path: string;
                            reason?: string;
                            requestedAt: number;
                            requester: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            state: "pending" | "approved" | "denied" | "expired" | "cancelled" | "done" | "failed";
                            value: number | boolean | string;
                            zone: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/writes/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending write as a second person (not the requester) with approve in its zone; the write is then carried out. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approver?: {
                                id: string;
                                name: string;
                            };
                            decidedAt?: number;
                            /** @description A pending request must be approved before this time. */
                            expiresAt: number;
                            id: string;
                            /** @description oldValue, newValue, verified; or the refusing step and code. */
                            outcome?: {
                                [key: string]: unknown;
                            };
                            path: string;
                            reason?: string;
                            requestedAt: number;
                            requester: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            state: "pending" | "approved" | "denied" | "expired" | "cancelled" | "done" | "failed";
                            value: number | boolean | string;
                            zone: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/writes/{id}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deny a pending write (an approver), or withdraw it (its requester). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approver?: {
                                id: string;
                                name: string;
                            };
                            decidedAt?: number;
                            /** @description A pending request must be approved before this time. */
                            expiresAt: number;
                            id: string;
                            /** @description oldValue, newValue, verified; or the refusing step and code. */
                            outcome?: {
                                [key: string]: unknown;
                            };
                            path: string;
                            reason?: string;
                            requestedAt: number;
                            requester: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            state: "pending" | "approved" | "denied" | "expired" | "cancelled" | "done" | "failed";
                            value: number | boolean | string;
                            zone: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Zones with their Purdue level, the conduits between them (flows allowed, TLS and approval required), and every source and sink in its zone with its link security.
         * @description Default deny: a flow crosses zones only along a conduit that allows it. Nothing secret is shown: link targets lose any user name, password and query.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conduits: {
                                allow: ("telemetry" | "commands" | "orders")[];
                                description?: string;
                                from: string;
                                require: {
                                    /** @description Commands across it need a second person's approval. */
                                    approval: boolean;
                                    tls: boolean;
                                };
                                to: string;
                            }[];
                            /** @description The zone the hub itself sits in. */
                            hubZone: string;
                            /** @description Every enabled source and sink. */
                            links: {
                                /** @description Absent when the kind does not say. */
                                encrypted?: boolean;
                                /** @description How the link is (or is not) encrypted, in words. */
                                how?: string;
                                id: string;
                                kind: string;
                                /** @enum {string} */
                                role: "source" | "sink";
                                /** @description Where it connects, without user name, password, query or fragment. */
                                target?: string;
                                zone: string;
                            }[];
                            zones: {
                                description?: string;
                                id: string;
                                /** @description Purdue level. */
                                level: number;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push samples from a one-way device (source of kind http-push), authenticated by the device token.
         * @description Body: {"samples":[{"tag","value","ts"?,"quality"?}]}, a bare array of those, or {"ts"?, "values":{tag: value}}. ts: epoch milliseconds (numbers below 1e11 look like seconds and are refused) or ISO 8601 with an offset (without one: read in the site's time zone, else refused). Every sample is checked as the hub will store it (time, tag type, the bound attribute's type) before the answer: the accepted ones are durable, each refused one is listed with its index and why; 422 when none was kept. Over the device rate limit the answer is 429 with Retry-After.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    source: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Samples taken into the hub. */
                            accepted: number;
                            /** @description How the body was read, e.g. the time zone of times without an offset. */
                            notes?: string[];
                            /** @description Samples refused, each with its index in the batch and why; the good ones of the batch are kept. */
                            rejected: {
                                index: number;
                                reason: string;
                                tag?: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Samples taken into the hub. */
                            accepted: number;
                            /** @description How the body was read, e.g. the time zone of times without an offset. */
                            notes?: string[];
                            /** @description Samples refused, each with its index in the batch and why; the good ones of the batch are kept. */
                            rejected: {
                                index: number;
                                reason: string;
                                tag?: string;
                            }[];
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description An error, as application/problem+json. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable error code, CW_<AREA>_<WHAT>. */
                            code: string;
                            /** @description Technical detail. */
                            detail?: string;
                            /** @description What to do next. */
                            hint: string;
                            instance: string;
                            retryable: boolean;
                            status: number;
                            /** @description A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify). */
                            step?: string;
                            /** @description What went wrong, in plant terms. */
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: samples received, stored, rejected and dropped with reasons; connection states. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
