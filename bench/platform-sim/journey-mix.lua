-- wrk script: the spec's section 3.1 core journey mix (task weights 30/20/15/10) against platform-sim.
-- Used by run.sh until carga itself drives the benchmark. SIM_TOKEN is a token from POST /auth/login.
local token = os.getenv("SIM_TOKEN")
local types = {"padaria", "restaurante", "loja_roupas", "salao_beleza"}
local messages = {"Olá, preciso de ajuda", "Qual o horário de funcionamento?", "Vocês fazem entrega?", "Quanto custa o produto X?"}
local boundary = "----cargabench"
local fake_png = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"test_logo.png\"\r\n" ..
  "Content-Type: image/png\r\n\r\nfake_png_data\r\n--" .. boundary .. "--\r\n"

request = function()
  local r = math.random(75)
  local h = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
  if r <= 30 then
    local b = types[math.random(#types)]
    return wrk.format("POST", "/api/v1/departments/marketing/generate", h,
      '{"business_type":"' .. b .. '","content_type":"instagram_post","model":"gemini-2.5-flash","context":"Negócio: ' .. b .. ' em São Paulo"}')
  elseif r <= 50 then
    return wrk.format("POST", "/api/v1/departments/cx/chat", h,
      '{"message":"' .. messages[math.random(#messages)] .. '","channel":"whatsapp","business_id":"biz_' .. math.random(100, 999) .. '"}')
  elseif r <= 65 then
    return wrk.format("POST", "/api/v1/business/setup", h,
      '{"business_name":"Empresa Test ' .. math.random(1000) .. '","business_type":"restaurant","location":"São Paulo, SP","template":"restaurant_basic"}')
  else
    h["Content-Type"] = "multipart/form-data; boundary=" .. boundary
    return wrk.format("POST", "/api/v1/upload/logo", h, fake_png)
  end
end

local counts = {}
response = function(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end
