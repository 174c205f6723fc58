return tostring(1+2*3-4/8)
return tostring(2^10) .. ' ' .. tostring(7 % 3) .. ' ' .. tostring(-7 % 3) .. ' ' .. tostring(7 % -3) .. ' ' .. tostring(5.5 % 2)
return tostring(1/0) .. ' ' .. tostring(-1/0) .. ' ' .. tostring(2^53) .. ' ' .. tostring(2^63) .. ' ' .. tostring(-2^63)
return tostring(0.1) .. ' ' .. tostring(1/3) .. ' ' .. tostring(100) .. ' ' .. tostring(-0) .. ' ' .. tostring(1e15) .. ' ' .. tostring(123456.789e3)
return tostring(0x10) .. ' ' .. tostring(0xff) .. ' ' .. tostring(1e-5) .. ' ' .. tostring(.5) .. ' ' .. tostring(3.) .. ' ' .. tostring(1E2)
return tostring(tonumber('0x1A')) .. ' ' .. tostring(tonumber('  12  ')) .. ' ' .. tostring(tonumber('12a')) .. ' ' .. tostring(tonumber('z', 36)) .. ' ' .. tostring(tonumber('ff', 16)) .. ' ' .. tostring(tonumber('777', 8)) .. ' ' .. tostring(tonumber(''))
return tostring(tonumber('1e3')) .. ' ' .. tostring(tonumber('-0x10')) .. ' ' .. tostring(tonumber(nil))
return '10' + 5 .. ' ' .. '3' * '4' .. ' ' .. 10 .. 20
return tostring(1 == 1.0) .. tostring('a' < 'b') .. tostring('abc' < 'abd') .. tostring('Z' < 'a') .. tostring('' < 'a') .. tostring(1 ~= 2) .. tostring({} == {})
return tostring(nil and 1) .. ' ' .. tostring(false or 'x') .. ' ' .. tostring(1 and 2) .. ' ' .. tostring(nil or false) .. ' ' .. tostring(not nil) .. ' ' .. tostring(not 0)
return type(nil) .. type(1) .. type('') .. type({}) .. type(print) .. type(true) .. type(type)
local a, b, c = 1, 2 return tostring(a) .. tostring(b) .. tostring(c)
local function f() return 1, 2, 3 end local a, b, c, d = f() return tostring(a) .. tostring(b) .. tostring(c) .. tostring(d)
local function f() return 1, 2, 3 end local t = {f()} local u = {f(), f()} local v = {(f())} return #t .. ' ' .. #u .. ' ' .. #v
local function f(...) return select('#', ...) end return f() .. f(nil) .. f(nil, nil) .. f(1, 2, 3)
local function f(...) local a, b = ... return tostring(a) .. tostring(b) end return f(5) .. f(6, 7, 8)
return select(2, 'a', 'b', 'c') .. select(-1, 'a', 'b', 'c')
local s = 0 for i = 1, 10 do s = s + i end return s .. ''
local s = '' for i = 10, 1, -3 do s = s .. i .. ',' end return s
local s = '' for i = 1, 3 do for j = 1, 3 do if j == 2 then break end s = s .. i .. j end end return s
local s = '' for i = 1.0, 2.0, 0.25 do s = s .. i .. ' ' end return s
local n = 0 while true do n = n + 1 if n > 5 then break end end return n .. ''
local n = 0 repeat local k = n n = n + 1 until k >= 3 return n .. ''
local t = {10, 20, 30, nil, 50} local s = '' for i, v in ipairs(t) do s = s .. i .. '=' .. v .. ' ' end return s
local t = {a=1} local s = 0 for k, v in pairs(t) do s = s + v end return s .. ''
local t = {} t[1] = 'a' t[2] = 'b' t[3] = 'c' return #t .. table.concat(t, '-')
local t = {1, 2, 3} t[#t] = nil return #t .. ''
local t = {1,2,3} table.insert(t, 4) table.insert(t, 1, 0) return table.concat(t, ',')
local t = {1,2,3,4} local r = table.remove(t) local r2 = table.remove(t, 1) return r .. r2 .. table.concat(t, ',')
local t = {5, 2, 8, 1, 9} table.sort(t) return table.concat(t, ' ')
local t = {5, 2, 8, 1, 9} table.sort(t, function(a, b) return a > b end) return table.concat(t, ' ')
local t = {'banana', 'apple', 'Cherry'} table.sort(t) return table.concat(t, ' ')
return table.concat({1, 2, 3}, ', ', 2, 3) .. table.getn({1, 2}) .. table.maxn({[5]=1, [2]=1})
local function counter() local c = 0 return function() c = c + 1 return c end end local a, b = counter(), counter() a() a() return a() .. b()
local fs = {} for i = 1, 3 do fs[i] = function() return i end end return fs[1]() .. fs[2]() .. fs[3]()
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib(20) .. ''
local t = setmetatable({}, {__index = function(t, k) return k .. '!' end}) return t.foo .. t[1]
local base = {x = 1} local t = setmetatable({}, {__index = base}) return t.x .. tostring(rawget(t, 'x'))
local log = '' local t = setmetatable({}, {__newindex = function(t, k, v) log = log .. k .. v rawset(t, k, v * 2) end}) t.a = 1 t.a = 5 return log .. t.a
local mt = {__add = function(a, b) return a.v + b.v end, __eq = function(a, b) return a.v == b.v end, __lt = function(a, b) return a.v < b.v end, __le = function(a, b) return a.v <= b.v end} local a = setmetatable({v=1}, mt) local b = setmetatable({v=2}, mt) return (a + b) .. tostring(a == b) .. tostring(a < b) .. tostring(a <= b) .. tostring(a > b)
local mt = {__concat = function(a, b) return 'C' end, __unm = function(a) return 'U' end, __call = function(self, x) return 'called' .. x end} local a = setmetatable({}, mt) return (a .. 'x') .. ('x' .. a) .. (-a) .. a(1)
local mt = {__tostring = function() return 'OBJ' end} return tostring(setmetatable({}, mt))
local mt = {__metatable = 'locked'} local t = setmetatable({}, mt) return getmetatable(t) .. tostring(pcall(setmetatable, t, {}))
return tostring(getmetatable('abc').__index == string)
return ('abc'):upper() .. ('%d'):format(5) .. #'hello'
return string.len('abc') .. string.sub('hello', 2, 4) .. string.sub('hello', -3) .. string.sub('hello', 2) .. '|' .. string.sub('hello', 0) .. '|' .. string.sub('hello', 10) .. '|' .. string.sub('hello', -100, 2)
return string.upper('aBc') .. string.lower('AbC') .. string.rep('ab', 3) .. string.rep('x', 0) .. string.reverse('abc')
return string.byte('A') .. ' ' .. string.byte('abc', 2) .. ' ' .. table.concat({string.byte('abc', 1, -1)}, ',') .. ' ' .. string.char(72, 105)
return string.format('%5.2f|%-5d|%05d|%x|%X|%o|%e|%g|%g|%g', 3.14159, 42, 42, 255, 255, 8, 12345.678, 0.0001, 1e20, 100)
return string.format('%s %s %q', 1.5, 'x', 'a"b\\c\n\0d')
return string.format('%10s|%-10s|%.2s|%c%c', 'hi', 'hi', 'hello', 65, 66)
return string.format('%d %d %d', 3.7, -3.7, 2^31)
return string.format('%+d % d %.3d %#x %#o %.0f %.1f %5.1f', 5, 5, 7, 255, 8, 2.5, 0.05, -1.25)
return string.format('%g %g %g %g %g %G', 1e-5, 123456789, 0.5, 1e15, 2^53, 1e-10)
return string.format('%.3g|%10.4f|%-8.3e|%#g', 3.14159, 2.5, 1234.5, 1.5)
return tostring(string.find('hello world', 'wor')) .. ' ' .. tostring(string.find('hello', 'l')) .. ' ' .. tostring(string.find('hello', 'xyz')) .. ' ' .. tostring(string.find('a.b', '.', 1, true))
return table.concat({string.find('hello world', '(o)(r)')}, ',') .. ' ' .. table.concat({string.find('abc', 'b', -1)}, ',') .. ' ' .. table.concat({string.find('abc', '', 10)}, ',')
return string.match('key:123:val', '(%a+):(%d+)') .. string.match('  trim  ', '^%s*(.-)%s*$') .. '|' .. tostring(string.match('abc', '^b'))
return table.concat({string.match('2024-01-15', '(%d+)-(%d+)-(%d+)')}, '/') .. ' ' .. string.match('hello', '()ll()')
return string.match('f(a(b)c)d', '%b()') .. ' ' .. string.match('THE (quick) fox', '%f[%a]%a+') .. ' ' .. tostring(string.match('x = 10', '(%w+)%s*=%s*(%w+)'))
return string.match('[[nested]]', '%[(%b[])%]') .. string.match('aaa', 'a-') .. '|' .. string.match('aaa', 'a-$') .. '|' .. string.match('abab', '(ab)%1')
local s = '' for w in string.gmatch('one two  three', '%a+') do s = s .. w .. '.' end return s
local s = '' for k, v in string.gmatch('a=1, b=2, c=3', '(%w+)=(%w+)') do s = s .. k .. v end return s
return string.gsub('hello world', 'o', '0') .. ' ' .. select(2, string.gsub('hello world', 'o', '0'))
return (string.gsub('hello world', '(%w+)', '<%1>')) .. (string.gsub('abc', '', '-')) .. (string.gsub('hello', 'l', 'L', 1))
return (string.gsub('$name is $age', '%$(%w+)', {name='Bob', age=42})) .. (string.gsub('abc', '%w', function(c) return c:upper() .. '.' end))
return (string.gsub('abc', 'b', '%%')) .. (string.gsub('hello world', '%w+', '%0 %0', 1)) .. (string.gsub('abc', '.', {a=1, b=true}))
return (string.gsub('  x  ', '^%s+', '')) .. '|' .. (string.gsub('one;two;;three', ';;', ';'))
return string.format('%s', string.find('a+b', '+', 1, true)) .. tostring(string.find('a[b', '[', 1, true))
return math.floor(3.7) .. math.ceil(3.2) .. math.abs(-4) .. math.max(1, 5, 3) .. math.min(4, 2, 8) .. math.fmod(7, 3) .. math.fmod(-7, 3) .. math.sqrt(16) .. math.pow(2, 8)
return tostring(math.pi) .. ' ' .. tostring(math.huge) .. ' ' .. tostring(-math.huge) .. ' ' .. table.concat({math.modf(3.7)}, ',') .. ' ' .. table.concat({math.modf(-3.7)}, ',')
return tostring(math.floor(-3.5)) .. tostring(math.ceil(-3.5)) .. tostring(math.max(2)) .. tostring(math.exp(0)) .. tostring(math.log(1)) .. tostring(math.log10(1000))
return table.concat({math.frexp(8)}, ',') .. ' ' .. math.ldexp(0.5, 4) .. ' ' .. math.deg(math.pi) .. ' ' .. math.rad(180)
return select(2, pcall(error, 'plain'))
return select(2, pcall(function() error('msg') end))
return select(2, pcall(function() error('msg', 0) end))
return select(2, pcall(function() error({code=1}) end)).code .. ''
return tostring(select(2, pcall(function() error() end)))
return tostring(pcall(function() return 1 end)) .. select(2, pcall(function() return 'ok' end))
return select(2, pcall(function() local x = nil; return x.y end))
return select(2, pcall(function() return undefinedfn() end))
return select(2, pcall(function() local t = {} return t.a.b end))
return select(2, pcall(function() return 1 + {} end))
return select(2, pcall(function() return 'a' + 1 end))
return select(2, pcall(function() return {} .. 'x' end))
return select(2, pcall(function() return 1 < 'x' end))
return select(2, pcall(function() return {} < {} end))
return select(2, pcall(function() return #nil end))
return select(2, pcall(function() local t = {} t[nil] = 1 end))
return select(2, pcall(function() local s = 'x' return s:nomethod() end))
return select(2, pcall(string.rep))
return select(2, pcall(string.sub))
return select(2, pcall(function() return ('x'):rep() end))
return select(2, pcall(function() return math.floor('a') end))
return select(2, pcall(function() return tostring() end))
return select(2, pcall(function() return setmetatable(1, {}) end))
return select(2, pcall(function() return ipairs() end))
return select(2, pcall(function() return ('%d'):format('x') end))
return select(2, pcall(function() return string.format('%d') end))
return select(2, pcall(function() assert(false) end))
return select(2, pcall(function() assert(nil, 'custom') end))
return select(2, pcall(function() assert(1 == 2, 42) end))
return select(2, xpcall(function() error('E') end, function(m) return 'handled: ' .. m end))
return select(2, pcall(function() for i = 1, 'x' do end end))
return select(2, pcall(function() local a = {} a = a + 1 end))
return select(2, pcall(function() local a = 'x' .. nil end))
return select(2, pcall(function() return math.random(0) end))
return select(2, pcall(function() return table.concat({{}}) end))
return select(2, pcall(function() return string.rep('x', -1) .. 'ok' end))
return select(2, pcall(function() return ('x'):bad() end))
return select(2, pcall(function() local t = setmetatable({}, {__index = function(t, k) error('idx ' .. k) end}) return t.q end))
return select(2, pcall(function() return string.find('a', '[a') end))
return select(2, pcall(function() return string.find('a', '%') end))
return select(2, pcall(function() return string.gsub('a', '(a', 'x') end))
return select(2, pcall(loadstring, 'x ='))
return tostring(loadstring('return 1 +')) .. select(2, loadstring('return 1 +'))
return loadstring('return 2 + 3')() .. ''
local t = {} t[1.0] = 'a' t[2] = 'b' return t[1] .. t[2.0] .. #t
local t = {[1]='a', [2]='b', [3]='c'} return #t .. ''
local t = {n = 0} function t.add(x) t.n = t.n + x end function t:get() return self.n end t.add(5) return t:get() .. ''
local a = {} a.b = {} a.b.c = function() return 'deep' end return a.b.c()
local x = 1 do local x = 2 end return x .. ''
local x = 10 local function f() x = x + 1 return x end f() return f() .. x
local a, b = 1, 2 a, b = b, a return a .. b
local t = {} t.x, t.y = 1, 2 return t.x .. t.y
local s = [[long
string]] return s .. #s
local s = [==[with ]] inside]==] return s
return 'esc: \65\066\x \t|\\|\'|\"' .. '\z'
--[[ block
comment ]] return 'after comment' -- trailing
return #'\0abc' .. ''
local t = {} for i = 1, 100 do t[i] = i end local s = 0 for _, v in ipairs(t) do s = s + v end return s .. ' ' .. #t
local t = {} for i = 1, 10 do t[#t + 1] = i * i end return table.concat(t, ',')
local s = 0 for k, v in pairs({10, 20, 30}) do s = s + k * v end return s .. ''
local t = {1, 2, 3, nil} return #t .. ''
return tostring(rawequal('a', 'a')) .. tostring(rawequal({}, {})) .. tostring(next({})) .. tostring(#{n=1})
return tostring(unpack({1, 2, 3})) .. select('#', unpack({1, 2, 3})) .. select('#', unpack({}, 1, 3))
return table.concat({unpack({1, 2, 3, 4}, 2, 3)}, ',')
return tostring(true) .. tostring(false) .. tostring(nil)
return string.format('%5.1f', 2.25) .. string.format('%.2f', 2.675) .. string.format('%.0f', 0.5) .. string.format('%.0f', 1.5)
return tostring(10 / 3) .. ' ' .. tostring(2^0.5) .. ' ' .. tostring(1e300 * 1e10) .. ' ' .. tostring(3 - 2.9)
return tostring(123456789012) .. ' ' .. tostring(12345678901234567) .. ' ' .. tostring(0.1 + 0.2) .. ' ' .. tostring(1e14 + 0.5)
return tostring(-2^31) .. ' ' .. tostring(1e-300) .. ' ' .. tostring(5e-324) .. ' ' .. tostring(1.7976931348623157e308)
return math.random(100) .. ' ' .. math.random(5, 10)
math.randomseed(42) return math.random(1000) .. ' ' .. math.random(1000)
return string.format('%q', 1/3)
return ('x'):rep(3, ',')
local t = {} t[#t+1] = 'a' t[#t+1] = 'b' local r = '' while #t > 0 do r = r .. table.remove(t) end return r
local function f(a, b, ...) return a + b + select('#', ...) end return f(1, 2, 3, 4, 5) .. ''
local function v(...) return ... end return table.concat({v(1, 2, 3)}, ',') .. table.concat({v(1, 2, 3), 4}, ',')
local t = {} t['1'] = 'str' t[1] = 'num' return t['1'] .. t[1]
local ok, err = pcall(function() local t = setmetatable({}, {__newindex = function() error('ro', 2) end}) t.x = 1 end) return err
return string.format('[%s]', table.concat({}, ','))
return (string.gsub('hello world', '(o)', '[%1]', 1)) .. (string.gsub('x', 'x', '%%1'))
return string.find('abc', 'b()') .. ''
return tostring(string.match('abc123def', '%d+')) .. tostring(string.match('no digits', '%d+')) .. string.match('a,b,,c', '([^,]*),,')
return (string.gsub('abc def', '%s', '_')) .. (string.gsub('a.b.c', '%.', '/')) .. (string.gsub('CamelCaseName', '(%u)', ' %1'))
return string.format('%-3s|%3s|', 'abcd', 'ab') .. string.format('%%')
local t = {3, 1, 2} table.sort(t, function(a, b) return a < b end) return t[1] .. t[2] .. t[3]
local x = 0 for i = 1, 100000 do x = x + i % 7 end return x .. ''
return 2^-1 .. ' ' .. -2^2 .. ' ' .. 2^3^2 .. ' ' .. (1 .. 2) + 1 .. ' ' .. 'a' .. 'b' == 'ab'
return tostring(1 < 2 == true) .. tostring(not 1 == 2) .. (1 + 2 * 3 ^ 2 / 3 - 1)
return string.format("%d %x", 2^63, 2^70) .. string.format(" %x %d", 2^63, -2^63)
local function f() error('lvl2', 2) end local ok, e = pcall(function() return f() end) local ok2, e2 = pcall(function() f() end) return e .. '|' .. e2
local function g() error('lvl3', 3) end local function h() g() end local ok, e = pcall(h) return e
return select(2, pcall(function() error('deep', 5) end))
return select(2, pcall(loadstring(('('):rep(300) .. '1' .. (')'):rep(300))))
