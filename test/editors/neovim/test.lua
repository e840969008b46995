-- Neovim's built-in LSP client against `council-notes lsp --stdio`, headless.
-- Run by test/editors/run.ts:
--   nvim --headless -u init.lua -i NONE -n -c 'luafile test/editors/neovim/test.lua'
-- where init.lua is the Neovim 0.7 recipe of docs/editors.md, word for word, `council-notes` is on
-- the PATH as `npm install --global` puts it, and COUNCIL_NOTES_WORKSPACE is a copy of
-- test/editors/workspace. Written for Neovim 0.7 (Debian 12). Prints one "ok   NAME: …",
-- "FAIL NAME: …" or "skip NAME: …" (a known limitation) line per check on stdout; exits non-zero
-- when a check fails.

local root = os.getenv('COUNCIL_NOTES_WORKSPACE')
local failures = 0

local function say(line) io.stdout:write(line .. '\n') end
--- Ends a check as skipped: reported, and counted by test/editors/run.ts, which fails the run on any skip.
local function skip(reason) error({ skip = reason }, 0) end
local function check(name, fn)
  local ok, detail = pcall(fn)
  if not ok and type(detail) == 'table' and detail.skip then
    say('skip ' .. name .. ': ' .. detail.skip)
  elseif ok then
    say('ok   ' .. name .. ': ' .. tostring(detail))
  else
    failures = failures + 1
    say('FAIL ' .. name .. ': ' .. tostring(detail))
  end
end

local function finish()
  pcall(vim.lsp.stop_client, vim.lsp.get_active_clients())
  if failures > 0 then vim.cmd('cquit! 1') else vim.cmd('qall!') end
end

if not root then
  say('FAIL setup: COUNCIL_NOTES_WORKSPACE must be set')
  vim.cmd('cquit! 1')
end

local draft = root .. '/drafts/planted-errors.md'
-- Opening the draft fires FileType markdown: the recipe's autocmd starts the server and attaches it.
vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()
local client_id
vim.wait(10000, function()
  for _, client in ipairs(vim.lsp.get_active_clients()) do
    if client.name == 'council-notes' then client_id = client.id return true end
  end
  return false
end, 50)
if not client_id then
  say('FAIL setup: the init.lua recipe started no council-notes client (filetype "' .. vim.bo[bufnr].filetype .. '")')
  vim.cmd('cquit! 1')
end
local uri = vim.uri_from_bufnr(bufnr)

--- The 0-based line and byte column of `needle` in the buffer.
local function find(needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return i - 1, col - 1 end
  end
  error('"' .. needle .. '" is not in the buffer')
end

--- One request, answered by our client, or an error.
local function request(method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, 15000)
  if not responses then error(method .. ': ' .. tostring(err)) end
  local response = responses[client_id]
  if not response then error(method .. ': no answer from council-notes') end
  if response.err then error(method .. ': ' .. vim.inspect(response.err)) end
  return response.result
end

check('diagnostics', function()
  local arrived = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) >= 3 end, 100)
  if not arrived then error('only ' .. #vim.diagnostic.get(bufnr) .. ' diagnostics after 30 s') end
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    seen[#seen + 1] = string.format('%d:%d %s [%s]', d.lnum + 1, d.col + 1, d.message, tostring(d.code))
  end
  table.sort(seen)
  local text = table.concat(seen, ' | ')
  for _, expected in ipairs({ '11:87 "Tunesia" is not a known country name', '13:21 "Turkey" is deprecated', '15:64 Visa Code has no Article 25c' }) do
    if not text:find(expected, 1, true) then error('missing "' .. expected .. '" in: ' .. text) end
  end
  return #seen .. ' diagnostics: ' .. text
end)

check('settings', function()
  -- The recipe's setting makes unknown-article (an error by default) a warning. Neovim 0.7 answers
  -- workspace/configuration but does not announce it (0.8 does), so the settings reach the server
  -- as the didChangeConfiguration notification sent in on_init.
  local function article_severity()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == 'unknown-article' then return d.severity end
    end
  end
  if vim.wait(15000, function() return article_severity() == vim.diagnostic.severity.WARN end, 100) then
    return 'councilNotes.rules arrived: unknown-article is a warning'
  end
  -- The server takes settings from workspace/configuration and from didChangeConfiguration alike
  -- (test/unit/server.test.ts), so a wrong severity here is a failure, not a limitation.
  error('unknown-article is still severity ' .. tostring(article_severity()) .. ': the recipe\'s councilNotes.rules setting did not reach the server')
end)

check('hover', function()
  local line, col = find('Morocco')
  local result = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = line, character = col + 2 } })
  local value = result and result.contents and result.contents.value or ''
  if not value:find('Kingdom of Morocco', 1, true) then error('no country card: ' .. vim.inspect(result)) end
  return value:match('^[^\n]*')
end)

check('completion', function()
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { '', 'Talks continue with Tun' })
  local line = vim.api.nvim_buf_line_count(bufnr) - 1
  -- didChange is debounced: ask until the server has the new line (its answer holds "Tunisia"), not after a guessed pause.
  local items = {}
  local function has_tunisia()
    local result = request('textDocument/completion', {
      textDocument = { uri = uri },
      position = { line = line, character = #'Talks continue with Tun' },
      context = { triggerKind = 1 },
    })
    items = result and (result.items or result) or {}
    for _, item in ipairs(items) do if item.label == 'Tunisia' then return true end end
    return false
  end
  vim.wait(15000, has_tunisia, 100)
  table.sort(items, function(a, b) return (a.sortText or a.label) < (b.sortText or b.label) end)
  local labels = {}
  for i, item in ipairs(items) do if i <= 5 then labels[#labels + 1] = item.label end end
  for _, item in ipairs(items) do
    if item.label == 'Tunisia' then return #items .. ' items: ' .. table.concat(labels, ', ') end
  end
  error('no "Tunisia" among ' .. #items .. ' items: ' .. table.concat(labels, ', '))
end)

check('quick fix', function()
  local line, col = find('Turkey')
  local pos = { line = line, character = col + 1 }
  local result = request('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = pos, ['end'] = pos },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, line) },
  })
  local fix
  for _, action in ipairs(result or {}) do
    if action.isPreferred then fix = action end
  end
  if not fix or not fix.edit then error('no preferred fix among: ' .. vim.inspect(result)) end
  local before = #vim.diagnostic.get(bufnr)
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  local fixed = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) == before - 1 end, 100)
  local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]
  if not text:find('Türkiye', 1, true) then error('the edit was not applied: ' .. text) end
  if not fixed then error('the diagnostic is still there: ' .. #vim.diagnostic.get(bufnr) .. ' diagnostics') end
  return '"' .. fix.title .. '" applied; ' .. #vim.diagnostic.get(bufnr) .. ' diagnostics left'
end)

finish()
