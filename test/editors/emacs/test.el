;;; test.el --- Emacs + eglot against `council-notes lsp --stdio`, in batch mode  -*- lexical-binding: t -*-

;; Run by test/editors/run.ts:
;;   emacs -Q --batch -l test/editors/emacs/test.el
;; with COUNCIL_NOTES_INIT (the init.el recipe of docs/editors.md, word for word),
;; COUNCIL_NOTES_WORKSPACE (a copy of test/editors/workspace in a git repository, so that eglot sees
;; a project, with the .dir-locals.el recipe) and `council-notes' on the PATH as
;; `npm install --global' puts it. Written for Debian 12: Emacs 28 with elpa-eglot (eglot 1.9) and
;; elpa-markdown-mode. Prints one "ok   NAME: ..." or "FAIL NAME: ..." line per check and exits
;; non-zero when a check fails.

;;; Code:

(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'markdown-mode)
(require 'flymake)
(require 'cl-lib)

(defvar cn-init (getenv "COUNCIL_NOTES_INIT"))
(defvar cn-root (getenv "COUNCIL_NOTES_WORKSPACE"))
(defvar cn-failures 0)

(defun cn-say (line) (princ (concat line "\n")))

(defmacro cn-check (name &rest body)
  "Run BODY as the check NAME; its value is the detail printed."
  (declare (indent 1))
  `(condition-case err
       (cn-say (format "ok   %s: %s" ,name (progn ,@body)))
     (error (setq cn-failures (1+ cn-failures))
            (cn-say (format "FAIL %s: %s" ,name (error-message-string err))))))

(defun cn-wait (predicate seconds)
  "Process server output until PREDICATE holds or SECONDS have passed; the last value of PREDICATE."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    value))

(unless (and cn-init cn-root)
  (cn-say "FAIL setup: COUNCIL_NOTES_INIT and COUNCIL_NOTES_WORKSPACE must be set")
  (kill-emacs 1))

;; What the user puts in init.el: the recipe, as it is in docs/editors.md.
(load cn-init nil t)
;; The project's .dir-locals.el (the settings recipe) applies without the question Emacs asks once
;; in an interactive session.
(setq enable-local-variables :all)
(setq eglot-sync-connect 30)

(find-file (expand-file-name "drafts/planted-errors.md" cn-root))
;; eglot-ensure connects after the command that opened the file: run what the command loop runs.
(run-hooks 'post-command-hook)

(defun cn-at (needle)
  "Move point into the first occurrence of NEEDLE."
  (goto-char (point-min))
  (unless (search-forward needle nil t) (error "\"%s\" is not in the buffer" needle))
  (goto-char (+ (match-beginning 0) 2)))

(cn-check "diagnostics"
  (unless (eglot-current-server) (error "eglot did not connect"))
  (let ((diags (cn-wait (lambda () (let ((d (flymake-diagnostics))) (and (>= (length d) 3) d))) 30)))
    (unless diags (error "only %d diagnostics after 30 s" (length (flymake-diagnostics))))
    (let ((text (mapconcat (lambda (d)
                             (save-excursion
                               (goto-char (flymake-diagnostic-beg d))
                               (format "%d:%d %s" (line-number-at-pos) (1+ (current-column)) (flymake-diagnostic-text d))))
                           (setq diags (sort diags (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
                           " | ")))
      ;; eglot shows "source [code]: message".
      (dolist (expected '("11:87 council-notes [unknown-country]: \"Tunesia\" is not a known country name"
                          "13:21 council-notes [deprecated-name]: \"Turkey\" is deprecated"
                          "15:64 council-notes [unknown-article]: Visa Code has no Article 25c"))
        (unless (string-search expected text) (error "missing \"%s\" in: %s" expected text)))
      (format "%d diagnostics: %s" (length diags) text))))

(cn-check "settings"
  ;; eglot-workspace-configuration above makes unknown-article (an error by default) a warning.
  (let ((article (cn-wait (lambda ()
                            (cl-find-if (lambda (d) (and (string-search "Article 25c" (flymake-diagnostic-text d))
                                                         (eq (flymake-diagnostic-type d) 'eglot-warning)))
                                        (flymake-diagnostics)))
                          5)))
    (unless article (error "the councilNotes.rules setting did not arrive: unknown-article is not a warning"))
    "councilNotes.rules arrived: unknown-article is a warning"))

(cn-check "hover"
  (cn-at "Morocco")
  (let* ((result (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                  (eglot--TextDocumentPositionParams)))
         (contents (plist-get result :contents))
         (value (if (stringp contents) contents (or (plist-get contents :value) ""))))
    (unless (string-search "Kingdom of Morocco" value) (error "no country card: %S" result))
    (car (split-string value "\n"))))

(cn-check "completion"
  (goto-char (point-max))
  (insert "\nTalks continue with Tun")
  (eglot--signal-textDocument/didChange) ; from an idle timer in an interactive Emacs
  (let* ((capf (eglot-completion-at-point))
         (candidates (and capf (all-completions (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)) (nth 2 capf)))))
    (unless (member "Tunisia" candidates)
      (error "no \"Tunisia\" among %d candidates: %S" (length candidates) (seq-take candidates 5)))
    (format "%d candidates, among them Tunisia" (length candidates))))

;; What `eglot-code-actions' (M-x, or C-c a with a binding) asks and applies, without its prompt.
(cn-check "quick fix"
  (cn-at "Turkey")
  (let* ((before (length (flymake-diagnostics)))
         (diags (cl-loop for d in (flymake-diagnostics (line-beginning-position) (line-end-position))
                         when (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))) collect it))
         (actions (jsonrpc-request (eglot--current-server-or-lose) :textDocument/codeAction
                                   (list :textDocument (eglot--TextDocumentIdentifier)
                                         :range (list :start (eglot--pos-to-lsp-position) :end (eglot--pos-to-lsp-position))
                                         :context (list :diagnostics (vconcat diags)))))
         (fix (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)))
    (unless fix (error "no preferred fix among %S" (mapcar (lambda (a) (plist-get a :title)) actions)))
    (eglot--apply-workspace-edit (plist-get fix :edit))
    ;; eglot sends the change from an idle timer; batch Emacs is never idle, so send it now.
    (eglot--signal-textDocument/didChange)
    (unless (save-excursion (goto-char (point-min)) (search-forward "Cooperation with Türkiye" nil t))
      (error "the edit was not applied"))
    (unless (cn-wait (lambda () (= (length (flymake-diagnostics)) (1- before))) 15)
      (error "the diagnostic is still there: %d diagnostics" (length (flymake-diagnostics))))
    (format "\"%s\" applied; %d diagnostics left" (plist-get fix :title) (length (flymake-diagnostics)))))

(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs (if (> cn-failures 0) 1 0))

;;; test.el ends here
